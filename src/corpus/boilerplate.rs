//! Site furniture that scraped articles carry along: navigation menus, calls to subscribe or
//! register, update stamps. Such sentences stay in the text (the document view shows them) but
//! are left out of the sentence list, so no entity or link is read from them.

use crate::model::Span;

/// Openings of sentences that speak to the reader about the site, not about the news.
const CALLS: &[&str] = &[
    "continue reading",
    "subscribe",
    "sign up",
    "register",
    "read more",
    "read also",
    "click here",
    "follow us",
    "share this",
    "advertisement",
    "related:",
    "recommended",
    "get unlimited access",
    "already a subscriber",
    "log in",
    "login",
    "newsletter",
    "all rights reserved",
    "copyright",
    "©",
];

/// Bullet marks that start a menu or list line.
fn bullet(s: &str) -> Option<&str> {
    let t = s.trim_start();
    let rest = t
        .strip_prefix([
            '\u{2022}', '\u{00b7}', '\u{25aa}', '\u{25e6}', '\u{25ba}', '\u{2023}',
        ])
        .or_else(|| t.strip_prefix("- "))
        .or_else(|| t.strip_prefix("* "))?;
    Some(rest.trim())
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A short bullet line without a full stop: a menu entry (`• Al-Monitor Archives`).
fn menu_line(s: &str) -> bool {
    bullet(s).is_some_and(|r| !r.is_empty() && words(r) <= 6 && !r.ends_with(['.', '!', '?']))
}

fn call(s: &str) -> bool {
    let t = s
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©')
        .to_lowercase();
    CALLS.iter().any(|c| {
        t.starts_with(c)
            && t[c.len()..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric())
    })
}

/// A line of nothing but a date and the words around one: ` date 2020-08-17 (Last Updated On:
/// August 17, 2020)`, `Published on 15 Aug 2022, 10:04 GMT`.
fn stamp(s: &str) -> bool {
    let mut date = false;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            date |= w.len() >= 4 || w.contains('-');
            continue;
        }
        let lower = w.to_lowercase();
        let furniture = super::meta::month_number(&lower).is_some()
            || matches!(
                lower.as_str(),
                "date"
                    | "published"
                    | "posted"
                    | "updated"
                    | "last"
                    | "on"
                    | "at"
                    | "am"
                    | "pm"
                    | "gmt"
                    | "utc"
            )
            || super::meta::is_weekday(&lower);
        if !furniture {
            return false;
        }
    }
    date
}

/// The sentences of `spans` that are not site furniture.
pub fn content_sentences(text: &str, spans: Vec<Span>) -> Vec<Span> {
    let slice = |s: &Span| text.get(s.range()).unwrap_or("");
    let menu: Vec<bool> = spans.iter().map(|s| menu_line(slice(s))).collect();
    spans
        .iter()
        .enumerate()
        .filter(|&(i, s)| {
            let t = slice(s);
            // Two or more menu lines in a row are a menu; one alone may be a point of the story.
            let in_menu =
                menu[i] && (i > 0 && menu[i - 1] || menu.get(i + 1).copied().unwrap_or(false));
            !(in_menu || call(t) || stamp(t))
        })
        .map(|(_, s)| *s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::split_sentences;

    fn kept(text: &str) -> Vec<&str> {
        content_sentences(text, split_sentences(text))
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn menus_calls_and_stamps_are_left_out() {
        let text = " date 2020-08-17 (Last Updated On: August 17, 2020)\n\nIran paid the Taliban.\n\n\
                    Continue reading this article by registering at no cost and get unlimited access to:\n  \
                    \u{2022} Al-Monitor Archives\n  \u{2022} The Week in Review\n  \u{2022} Exclusive Events\n";
        assert_eq!(kept(text), ["Iran paid the Taliban."]);
    }

    #[test]
    fn a_date_line_with_a_photo_credit_is_kept() {
        let text =
            " date 2020-12-31 AP Photo/Mark Schiefelbein, File\n\nPublished on 15 Aug 2022\n";
        assert_eq!(
            kept(text),
            ["date 2020-12-31 AP Photo/Mark Schiefelbein, File"]
        );
    }

    #[test]
    fn story_bullets_and_sentences_about_registration_stay() {
        let text = "\u{2022} Iran paid bounties to the Taliban for attacks on US troops.\n\
                    \u{2022} Officials briefed Congress.\n\
                    Voters who register late can still vote, the commission said.\n\
                    The date of the attack was December 11, 2019.";
        assert_eq!(kept(text).len(), 4);
    }
}
