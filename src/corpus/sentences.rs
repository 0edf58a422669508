//! Sentence splitting: one byte pass, abbreviation-aware, paragraph breaks end sentences.

use crate::model::Span;

/// Words after which a period does not end a sentence (compared case-sensitively, without the
/// period). Titles, months, and common abbreviations in news text.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Lt", "Col", "Maj", "Capt",
    "Cpt", "Sgt", "Cmdr", "Adm", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp",
    "Det", "Cpl", "Pvt", "Amb", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "No", "Nos", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Bros", "approx",
    "est", "Fig", "Ft", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Mass", "Calif", "Fla",
    "Wash", "Va", "Ariz", "Colo", "Conn", "Ill", "Mich", "Minn", "Penn", "Tenn", "Tex", "Rs",
    "Ksh",
];

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// Split `text` into sentence spans (trimmed of surrounding white space), in order.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by
/// white space and then a capital, digit, quote or bracket; or at a blank line or a line break
/// after a line that looks finished (headlines and captions are sentences of their own). A
/// period after a known abbreviation, a single capital (an initial) or inside `U.S.`-style
/// acronyms does not end a sentence.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    let mut start = 0usize;
    let mut i = 0usize;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        match b {
            b'\n' => {
                // A blank line (paragraph) ends a sentence; so does a single line break, since
                // scraped news puts headlines, datelines and captions on lines of their own.
                push(text, start, i, &mut out);
                start = i + 1;
            }
            b'.' | b'!' | b'?' => {
                let mut end = i + 1;
                // Closing quotes / brackets belong to the sentence.
                while end < n {
                    if let Some(len) = closing_len(&bytes[end..]) {
                        end += len;
                    } else {
                        break;
                    }
                }
                if ends_sentence(text, start, i, end) {
                    push(text, start, end, &mut out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push(text, start, n, &mut out);
    out
}

/// Byte length of a closing quote or bracket at the start of `b`, if there is one.
fn closing_len(b: &[u8]) -> Option<usize> {
    match b.first()? {
        b'"' | b'\'' | b')' | b']' => Some(1),
        // U+201D ” and U+2019 ’ are E2 80 9D / E2 80 99.
        0xE2 if b.len() >= 3 && b[1] == 0x80 && (b[2] == 0x9D || b[2] == 0x99) => Some(3),
        _ => None,
    }
}

fn ends_sentence(text: &str, start: usize, punct: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Must be followed by white space (or the end of the text).
    let Some(&next) = bytes.get(end) else {
        return true;
    };
    if !next.is_ascii_whitespace() {
        return false;
    }
    // The next non-space character must look like a sentence start.
    let rest = text[end..].trim_start_matches([' ', '\t', '\r']);
    match rest.chars().next() {
        None | Some('\n') => return true,
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => {}
        Some('"' | '\'' | '“' | '‘' | '(' | '[' | '—' | '-') => {}
        Some(_) => return false,
    }
    if bytes[punct] != b'.' {
        return true;
    }
    // The word before the period.
    let word_start = text[start..punct]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(start, |p| start + p + 1);
    let word = &text[word_start..punct];
    if word.is_empty() {
        return true;
    }
    if is_abbreviation(word) {
        return false;
    }
    // An initial (`J.`) or a dotted acronym (`U.S.`, `a.m.`): the period is part of the word,
    // unless the acronym is followed by a new paragraph-like start; `U.S. officials` keeps going,
    // but a dotted acronym at the end of a sentence followed by a capitalised common word is
    // ambiguous: prefer not to split (a long sentence is better than a cut name).
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    if word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic()) {
        return false;
    }
    true
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + trimmed_start;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_and_keeps_closing_quotes() {
        let t = "He said “we will pay you.” Then he left! Did he? Yes.";
        assert_eq!(
            sentences(t),
            vec![
                "He said “we will pay you.”",
                "Then he left!",
                "Did he?",
                "Yes."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_dotted_acronyms_do_not_split() {
        let t = "Gen. Frank McKenzie met U.S. officials on Nov. 28, 2019 with J. Smith. Then talks ended.";
        assert_eq!(
            sentences(t),
            vec![
                "Gen. Frank McKenzie met U.S. officials on Nov. 28, 2019 with J. Smith.",
                "Then talks ended."
            ]
        );
    }

    #[test]
    fn line_breaks_end_headlines_and_captions() {
        let t =
            "Iran paid bounties, report says\n\nAug 17, 2020\n\nThe report came out. It said so.";
        assert_eq!(
            sentences(t),
            vec![
                "Iran paid bounties, report says",
                "Aug 17, 2020",
                "The report came out.",
                "It said so."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            sentences("It cost approx. ten dollars."),
            vec!["It cost approx. ten dollars."]
        );
        assert_eq!(
            sentences("See v1.2 of the file."),
            vec!["See v1.2 of the file."]
        );
    }
}
