//! One-pass tokeniser: words (with `U.S.`-style dots, `O'Brien` apostrophes), possessive `'s`,
//! punctuation; hyphenated compounds become parts joined by a flag.

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// The possessive `'s` / `’s`.
    Poss,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, none lower-case (`CNN`, `U.S.`).
    pub caps: bool,
    /// Joined to the previous token by a hyphen (`US-run` → `US`, `run`(hyph)).
    pub hyph: bool,
}

impl Tok {
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// Abbreviations that keep their trailing period.
fn keeps_period(word: &str) -> bool {
    matches!(
        word,
        "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Brig"
            | "Cpl"
            | "Pvt"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Prof"
            | "Rev"
            | "Gen."
            | "Cmdr"
            | "Supt"
            | "Pres"
            | "Amb"
            | "Hon"
    )
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Tokenise `text[span]`, appending to `out` with offsets into `text`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
    let Some(s) = text.get(span.range()) else {
        return;
    };
    let base = span.start as usize;
    let bytes = s.as_bytes();
    let n = s.len();
    let mut i = 0usize;
    let mut next_hyph = false;
    while i < n {
        let b = bytes[i];
        // Fast path for ASCII white space.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            next_hyph = false;
            continue;
        }
        let Some(c) = char_at(s, i) else { break };
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i + c.len_utf8();
            let mut dotted = false;
            while let Some(d) = char_at(s, j) {
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                } else if d == '\'' || d == '\u{2019}' {
                    let after = j + d.len_utf8();
                    match char_at(s, after) {
                        Some('s') | Some('S')
                            if !char_at(s, after + 1).is_some_and(|e| e.is_alphanumeric()) =>
                        {
                            break;
                        }
                        Some(e) if e.is_alphabetic() => j = after,
                        _ => break,
                    }
                } else if d == '.' {
                    let after = j + 1;
                    if char_at(s, after).is_some_and(|e| e.is_alphabetic())
                        && j - start <= 2
                        && !s[start..j].contains(' ')
                    {
                        // U.S / D.C / U.K: letter-dot-letter
                        dotted = true;
                        j = after;
                    } else {
                        if dotted || keeps_period(&s[start..j]) {
                            j = after;
                        }
                        break;
                    }
                } else {
                    break;
                }
            }
            let w = &s[start..j];
            let mut letters = 0;
            let mut lower = false;
            for ch in w.chars() {
                if ch.is_alphabetic() {
                    letters += 1;
                    lower |= ch.is_lowercase();
                }
            }
            let hyph = next_hyph;
            next_hyph = false;
            out.push(Tok {
                start: (base + start) as u32,
                end: (base + j) as u32,
                kind: Kind::Word,
                cap: c.is_uppercase(),
                caps: letters >= 2 && !lower,
                hyph,
            });
            i = j;
            if bytes.get(j) == Some(&b'-') && char_at(s, j + 1).is_some_and(|e| e.is_alphanumeric())
            {
                i += 1; // the hyphen joins the next part to this one
                next_hyph = true;
            }
            continue;
        }
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            next_hyph = false;
            continue;
        }
        if (c == '\'' || c == '\u{2019}')
            && matches!(char_at(s, i + len), Some('s') | Some('S'))
            && !char_at(s, i + len + 1).is_some_and(|e| e.is_alphanumeric())
            && out.last().is_some_and(|t| t.end as usize == base + i)
        {
            out.push(Tok {
                start: (base + i) as u32,
                end: (base + i + len + 1) as u32,
                kind: Kind::Poss,
                cap: false,
                caps: false,
                hyph: false,
            });
            i += len + 1;
            continue;
        }
        out.push(Tok {
            start: (base + i) as u32,
            end: (base + i + len) as u32,
            kind: Kind::Punct(c),
            cap: false,
            caps: false,
            hyph: false,
        });
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
        v.iter()
            .map(|t| format!("{}{}", if t.hyph { "~" } else { "" }, t.text(s)))
            .collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_keeps_dotted_acronyms() {
        assert_eq!(
            words("Iran’s U.S.-run base, O'Brien's Gen. McKenzie al-Qaeda."),
            [
                "Iran", "’s", "U.S.", "~run", "base", ",", "O'Brien", "'s", "Gen.", "McKenzie",
                "al", "~Qaeda", "."
            ]
        );
    }
}
