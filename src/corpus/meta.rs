//! Document metadata read from the text: title, outlet and date, where the text tells them.
//!
//! Only the header (the first lines, before the body gets going) is read for the outlet and
//! date, so a date inside a caption or the body (`In this file photo taken on Nov. 28, 2019`)
//! is not mistaken for the publication date. What the text does not tell stays `None`.

/// Metadata found in a document's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// How many non-empty lines count as the header.
const HEADER_LINES: usize = 8;

/// Read title, outlet and date from the text.
pub fn metadata(text: &str) -> Metadata {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
        .collect();
    let mut meta = Metadata::default();

    for line in &lines {
        if let Some((key, value)) = field(line) {
            let value = value.trim();
            match key.as_str() {
                "title" | "headline" if meta.title.is_none() && !value.is_empty() => {
                    meta.title = Some(value.to_owned())
                }
                "source" | "outlet" | "publisher" | "publication" | "site"
                    if meta.outlet.is_none() && !value.is_empty() =>
                {
                    meta.outlet = Some(source_name(value))
                }
                "date" | "published" | "posted" | "updated" | "last updated on"
                | "published on" | "posted on" | "dateline"
                    if meta.date.is_none() =>
                {
                    meta.date = find_date(value)
                }
                _ => {}
            }
        }
    }
    for line in &lines {
        if meta.date.is_none() {
            // `Kalyan Barooah | Updated: Oct 9, 2024, 06:12 IST`: a byline with its stamp.
            meta.date = header_date(line)
                .or_else(|| line.split(" | ").skip(1).find_map(header_date))
                .or_else(|| line.split(" / ").skip(1).find_map(header_date));
        }
        if meta.outlet.is_none() {
            meta.outlet = site_stamp_outlet(line)
                .or_else(|| outlet_slug(line))
                .or_else(|| dateline_outlet(line))
                .or_else(|| byline_outlet(line));
        }
    }
    // A site's own name in its masthead, breadcrumb or footer is weaker evidence than a byline
    // or a wire credit, and a breadcrumb's first step may be a section (`NEWS › CANADA`).
    let footer = footer_outlet(text);
    if meta.outlet.is_none() {
        meta.outlet = lines
            .iter()
            .take(4)
            .find_map(|line| masthead(line, text, &lines, footer.as_deref()));
    }
    if meta.outlet.is_none() {
        meta.outlet = lines.iter().find_map(|line| breadcrumb_outlet(line));
    }
    if meta.outlet.is_none() {
        meta.outlet = footer;
    }
    if meta.title.is_none() {
        meta.title = match lines.first() {
            // Under a breadcrumb, the headline is the next line.
            Some(first) if is_breadcrumb(first) => {
                let rest = text.trim_start().split_once('\n').map_or("", |(_, r)| r);
                lines.get(1).and_then(|l| headline(l, rest))
            }
            Some(first) => headline(first, text),
            None => None,
        };
    }
    meta
}

fn is_breadcrumb(line: &str) -> bool {
    line.contains(" \u{203a} ") || line.contains(" \u{bb} ")
}

/// `Gulf Business › Industry › Transport & Logistics`: a site's breadcrumb starts with its name.
fn breadcrumb_outlet(line: &str) -> Option<String> {
    if !is_breadcrumb(line) {
        return None;
    }
    let first = line.split(['\u{203a}', '\u{bb}']).next()?.trim();
    (name_like(first) && !section_label(first)).then(|| first.to_owned())
}

/// A site's section rather than its name: `NEWS`, `Home`, `World`.
fn section_label(name: &str) -> bool {
    !name.contains(' ')
        && (newsy(name)
            || [
                "home", "world", "business", "politics", "opinion", "sport", "sports",
            ]
            .contains(&name.to_lowercase().as_str()))
}

/// `Key: value` or ` date value` style header fields; returns the lowercased key.
fn field(line: &str) -> Option<(String, &str)> {
    if let Some((k, v)) = line.split_once(':') {
        let k = k.trim();
        if !k.is_empty() && k.len() <= 20 && k.chars().all(|c| c.is_alphabetic() || c == ' ') {
            let key = k.to_lowercase();
            let key = key.trim_start_matches('(').to_owned();
            return Some((key, v));
        }
    }
    // `date 2020-08-17 …` (a scraper's field name followed by the value).
    let (first, rest) = line.split_once(char::is_whitespace)?;
    let first = first.to_lowercase();
    matches!(first.as_str(), "date" | "published" | "posted" | "updated").then_some((first, rest))
}

/// A line that is a date, or a date stamp such as `(Last Updated On: August 17, 2020)`.
fn header_date(line: &str) -> Option<String> {
    let inner = line.trim_matches(|c: char| c == '(' || c == ')' || c == '|' || c.is_whitespace());
    let lower = inner.to_lowercase();
    for prefix in [
        "last updated on",
        "updated on",
        "updated",
        "published on",
        "published",
        "posted on",
        "posted",
        "date",
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_start_matches([':', ' ']);
            return find_date(rest);
        }
    }
    // A line that is nothing but a date (maybe with a weekday or time around it), or that
    // starts with one: `March 12, 2024 4:17 PM GMT+3 Updated 2 hours ago`.
    let date = find_date(inner)?;
    let first = inner.split_whitespace().next().unwrap_or("");
    // `Thursday, 27 Mar 2025 5:20 PM MYT`: a weekday before the date.
    let weekday = is_weekday(&first.trim_end_matches(',').to_lowercase());
    let starts_with_date = first.starts_with(|c: char| c.is_ascii_digit())
        || month_number(first.trim_end_matches(',')).is_some()
        || weekday;
    let n = inner.split_whitespace().count();
    (n <= 6 || (starts_with_date && n <= 12)).then_some(date)
}

/// A weekday's name or its short form, in lower case.
pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
    )
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1800..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date in `s`: ISO `2020-08-17`, `August 17, 2020`, `Aug. 17 2020`, `17 August 2020`.
pub fn find_date(s: &str) -> Option<String> {
    // ISO
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let w = &b[i..i + 10];
        if w[4] == b'-'
            && w[7] == b'-'
            && w.iter()
                .enumerate()
                .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            let y = s[i..i + 4].parse().ok()?;
            let m = s[i + 5..i + 7].parse().ok()?;
            let d = s[i + 8..i + 10].parse().ok()?;
            if let Some(date) = valid(y, m, d) {
                return Some(date);
            }
        }
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // `04/18/2025` (month first, as US and Taiwanese sites write it; day first when the first
    // number cannot be a month).
    for w in &words {
        let parts: Vec<&str> = w.split('/').collect();
        if let [a, b, y] = parts[..]
            && y.len() == 4
            && let (Ok(a), Ok(b), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>(), y.parse::<u32>())
        {
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            if let Some(date) = valid(y, m, d) {
                return Some(date);
            }
        }
    }
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        let w = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    for i in 0..words.len() {
        if let Some(m) = month_number(words[i]) {
            // Month D, YYYY
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|w| num(w)),
                words.get(i + 2).and_then(|w| num(w)),
            ) && d <= 31
                && let Some(date) = valid(y, m, d)
            {
                return Some(date);
            }
            // D Month YYYY
            if i > 0
                && let (Some(d), Some(y)) =
                    (num(words[i - 1]), words.get(i + 1).and_then(|w| num(w)))
                && let Some(date) = valid(y, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

/// An outlet's site name at the start of a scraped header line: `al-monitor In this file photo…`
/// → `Al-Monitor`; `reuters.com WASHINGTON …` → `Reuters`.
fn outlet_slug(line: &str) -> Option<String> {
    let (first, rest) = line.split_once(' ')?;
    let next_is_capital = rest.chars().next().is_some_and(char::is_uppercase);
    let slug_like = first.len() >= 3
        && first.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && first
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && (first.contains('-') || first.contains('.'));
    if !(slug_like && next_is_capital) {
        return None;
    }
    let name = first
        .trim_start_matches("www.")
        .split('.')
        .next()
        .filter(|n| !n.is_empty())?;
    Some(
        name.split('-')
            .map(|part| {
                let mut c = part.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// A wire dateline: `WASHINGTON (Reuters) - …`, `KABUL, Afghanistan (AP) — …`.
fn dateline_outlet(line: &str) -> Option<String> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let place = &line[..open];
    let after = line[close + 1..].trim_start();
    let dash = after.starts_with('-') || after.starts_with('—') || after.starts_with('–');
    let place = place.trim();
    // `WASHINGTON (Reuters) -`, `Canberra, March 10 (Reuters) -`
    let place_ok = place.starts_with(char::is_uppercase) && place.split_whitespace().count() <= 5;
    let name = line[open + 1..close].trim();
    (dash && place_ok && name_like(name)).then(|| name.to_owned())
}

/// `By Asad Malik | Dawn`: the outlet after the byline's bar.
fn byline_outlet(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    if let Some((_, outlet)) = rest.rsplit_once('|') {
        let outlet = outlet.trim();
        return name_like(outlet).then(|| outlet.to_owned());
    }
    // `By Brian Halvorsen, Deseret News`: after a comma only a name with a news word, so a
    // second reporter (`By Ana Ruiz, Juan Soto`) is not taken for the outlet.
    let (_, outlet) = rest.rsplit_once(", ")?;
    let outlet = outlet.trim();
    (name_like(outlet) && newsy(outlet)).then(|| outlet.to_owned())
}

/// `INQUIRER.net / 06:42 PM September 18, 2025`: a site's name stamped with the date.
fn site_stamp_outlet(line: &str) -> Option<String> {
    let (name, rest) = line.split_once(" / ")?;
    let name = name.trim();
    let lower = name.to_lowercase();
    let site = [".net", ".com", ".org", ".co", ".ph", ".in", ".news"]
        .iter()
        .any(|tld| lower.ends_with(tld));
    (header_date(rest).is_some() && name_like(name) && (site || newsy(name)))
        .then(|| name.to_owned())
}

/// The outlet the last lines name: `Published in Dawn, March 21st, 2025`, `Copyright © 2025
/// The Straits Ledger. All rights reserved.`, `© The Indian Express`, `SOURCE: AL JAZEERA AND
/// NEWS AGENCIES`.
fn footer_outlet(text: &str) -> Option<String> {
    text.lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .find_map(|l| {
            if let Some(rest) = l.strip_prefix("Published in ") {
                let name = rest.split(',').next()?.trim();
                return name_like(name).then(|| name.to_owned());
            }
            if let Some(rest) = l
                .strip_prefix("SOURCE: ")
                .or_else(|| l.strip_prefix("Source: "))
            {
                let name = source_name(rest);
                return name_like(&name).then_some(name);
            }
            let rest = l
                .strip_prefix("Copyright ")
                .unwrap_or(l)
                .strip_prefix('\u{a9}')?
                .trim_start();
            // `© 2025 The Straits Ledger.`: the year, then the name up to a stop.
            let rest = rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')
                .trim_start();
            let name = rest.split(['.', ',', '|']).next()?.trim();
            // `© EastWire 2025`: the year may follow the name.
            let name = name
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ')
                .trim_end();
            // `© The Indian Express Pvt Ltd`: the company form is not the outlet's name.
            let name = COMPANY_SUFFIXES
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix))
                .unwrap_or(name)
                .trim_end();
            name_like(name).then(|| recase(name))
        })
}

/// Company forms after an outlet's name in a copyright line.
const COMPANY_SUFFIXES: &[&str] = &[
    " Pvt Ltd",
    " Pvt. Ltd",
    " Pty Ltd",
    " Ltd",
    " Limited",
    " Inc",
    " LLC",
    " plc",
    " PLC",
];

/// A source line's outlet: `AL JAZEERA AND NEWS AGENCIES` → `Al Jazeera`.
fn source_name(value: &str) -> String {
    let value = value.trim().trim_end_matches('.');
    let lower = value.to_lowercase();
    let name = match lower.find(" and ") {
        Some(at) if lower[at..].contains("agenc") => &value[..at],
        _ => value,
    };
    recase(name.trim())
}

/// An outlet's name written in capitals (`BUENOS AIRES TIMES`) in the case of its words.
fn recase(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "and" | "of") {
                return lower;
            }
            let mut cs = lower.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Whether a name has a word outlets put in their names (`Times`, `TIMES`).
fn newsy(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        NEWS_WORDS
            .iter()
            .any(|n| n.eq_ignore_ascii_case(w.trim_end_matches(['.', ','])))
    })
}

/// Words that outlets put in their names.
const NEWS_WORDS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Press",
    "Daily",
    "Agency",
    "TV",
    "Radio",
    "Network",
    "Monitor",
    "Gazette",
    "Express",
    "Telegraph",
    "Guardian",
    "Standard",
    "Observer",
    "Chronicle",
    "Review",
    "Wire",
    "Today",
    "Star",
    "Insider",
    "Report",
    "Mail",
    "Sun",
    "Globe",
    "Mirror",
    "Independent",
    "Economist",
    "Magazine",
    "Focus",
    "Ledger",
    "Watch",
    "Dispatch",
    "Courier",
    "Digest",
    "Bulletin",
    "Inquirer",
    "Record",
    "Sentinel",
    "Examiner",
    "Weekly",
    "Online",
];

/// A short name: capitalised words (with `and`, `of`, `the` between), no digits or sentence.
fn name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            matches!(*w, "and" | "of" | "the" | "&" | "-")
                || (w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’')))
        })
}

/// A masthead as the first line: `Dawn`, `Focus Taiwan — CNA English News`, `Al Jazeera`.
/// Taken when it reads as an outlet's name (a news word) or the text names it again as one
/// (`By … | Dawn`, `Published in Dawn`, `(Reuters)`), so a section label (`Russia`) is not.
fn masthead(first: &str, text: &str, header: &[&str], footer: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = first
        .split(" \u{2014} ")
        .flat_map(|p| p.split(" | "))
        .map(str::trim)
        .collect();
    let name = parts.first().copied()?;
    // `News | Conflict`: a section label, not a name.
    if !name_like(name) || section_label(name) {
        return None;
    }
    let named_again = header
        .iter()
        .skip(1)
        .any(|l| l.contains(&format!("| {name}")) || l.contains(&format!("({name})")))
        || text.contains(&format!("Published in {name}"))
        || footer.is_some_and(|f| f.eq_ignore_ascii_case(name));
    // `Focus Taiwan — CNA English News`: a short part after the name may carry the news word;
    // the body after a dateline's dash (`CHISINAU — Police …`) does not count.
    let newsy_part = parts.iter().skip(1).any(|p| name_like(p) && newsy(p));
    (newsy(name) || newsy_part || named_again || lone_masthead(first, name, text, header))
        .then(|| recase(name))
}

/// `Stars and Stripes` alone on the first line above a headline: a name of two to four words
/// that the text never uses again, so neither a section (`Middle East`) nor a headline's topic.
fn lone_masthead(first: &str, name: &str, text: &str, header: &[&str]) -> bool {
    let words = name.split_whitespace().count();
    let headline_next = header.get(1).is_some_and(|next| {
        next.split_whitespace().count() >= 6 && !name_like(next) && header_date(next).is_none()
    });
    first == name
        && header.first() == Some(&first)
        && (2..=4).contains(&words)
        && headline_next
        && text.matches(name).count() == 1
}

/// The first line is a headline when it is short, does not read as a sentence of the body, is
/// not a metadata line, and a blank line follows it.
fn headline(first: &str, text: &str) -> Option<String> {
    let words = first.split_whitespace().count();
    let sentence_like = first.ends_with('.') && words > 12;
    let is_meta = header_date(first).is_some() || field(first).is_some_and(|(k, _)| k == "date");
    let followed_by_blank = text
        .trim_start()
        .split_once('\n')
        .is_some_and(|(_, rest)| rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n'));
    ((3..=25).contains(&words)
        && first.len() <= 200
        && !sentence_like
        && !is_meta
        && followed_by_blank)
        .then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_breadcrumb_names_the_site_and_a_byline_bar_its_date() {
        let m = metadata(
            "Gulf Business \u{203a} Industry \u{203a} Transport & Logistics\n\nAD Ports signs terminal deal with HMM\n\nThe concession is the second.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Gulf Business"));
        assert_eq!(
            m.title.as_deref(),
            Some("AD Ports signs terminal deal with HMM")
        );
        let m = metadata(
            "Assam STF busts smuggling ring\n\nKalyan Barooah | Updated: Oct 9, 2024, 06:12 IST\n\nGuwahati: The police said.",
        );
        assert_eq!(m.date.as_deref(), Some("2024-10-09"));
    }

    #[test]
    fn al_monitor_header_gives_title_outlet_and_standalone_date() {
        let t = "Intel: Iran paid bounties to Taliban\n\nal-monitor In this file photo taken on Nov. 28, 2019, US President Donald Trump speaks.\n\nAug 17, 2020\n\nUS intelligence agencies believe…";
        let m = metadata(t);
        assert_eq!(
            m.title.as_deref(),
            Some("Intel: Iran paid bounties to Taliban")
        );
        assert_eq!(m.outlet.as_deref(), Some("Al-Monitor"));
        assert_eq!(m.date.as_deref(), Some("2020-08-17"));
    }

    #[test]
    fn scraper_date_field_and_last_updated_stamp() {
        let m = metadata(
            " date 2020-08-17 (Last Updated On: August 17, 2020)\n\nUnited States intelligence agencies found…",
        );
        assert_eq!(m.date.as_deref(), Some("2020-08-17"));
        assert_eq!(m.title, None);
        assert_eq!(m.outlet, None);
        let m = metadata("(Last Updated On: August 17, 2020)\n\nBody text here.");
        assert_eq!(m.date.as_deref(), Some("2020-08-17"));
    }

    #[test]
    fn body_only_text_has_no_metadata() {
        let m = metadata(
            "The story of foreign intelligence networks paying bounties for the killing of American troops in Afghanistan has gotten new life with a revelation.\n\nCNN has reported it.",
        );
        assert_eq!(m, Metadata::default());
    }

    #[test]
    fn caption_dates_in_the_body_are_not_publication_dates() {
        let m = metadata(
            "In this file photo taken on Nov. 28, 2019, the president speaks to the troops at the base during a visit.\n\nMore text.",
        );
        assert_eq!(m.date, None);
    }

    #[test]
    fn wire_dateline_and_fields() {
        let m = metadata("Source: Reuters\nPublished: 3 March 2021\n\nBody.");
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
        assert_eq!(m.date.as_deref(), Some("2021-03-03"));
        let m = metadata(
            "Ships seized in strait\n\nDUBAI (Reuters) - Iran seized two ships on Friday.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn date_forms() {
        assert_eq!(find_date("Sept. 3, 2021").as_deref(), Some("2021-09-03"));
        assert_eq!(
            find_date("on 17 August 2020 at noon").as_deref(),
            Some("2020-08-17")
        );
        assert_eq!(find_date("2020-13-01"), None);
        assert_eq!(find_date("March of this year"), None);
    }

    #[test]
    fn mastheads_bylines_footers_and_wire_datelines_name_the_outlet() {
        let m = metadata(
            "Dawn\n\nIHC suspends sentence of former minister\n\nBy Asad Malik | Dawn\nPublished March 21, 2025 Updated about 6 hours ago\n\nISLAMABAD: The court ruled.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Dawn"));
        assert_eq!(m.date.as_deref(), Some("2025-03-21"));
        let m =
            metadata("Russia\n\nUK and US sanction a tycoon\n\nThe measures target 14 companies.");
        assert_eq!(m.outlet, None, "a section label is no outlet");
        let m = metadata(
            "Focus Taiwan \u{2014} CNA English News\n\nShips enter Kinmen waters\n\n04/18/2025 09:42 PM\n\nTaipei, April 18 (CNA) Four vessels entered.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Focus Taiwan"));
        assert_eq!(m.date.as_deref(), Some("2025-04-18"));
        let m = metadata(
            "Modi and Albanese sign pact\n\nCanberra, March 10 (Reuters) - The leaders signed.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
        let m = metadata(
            "Strike kills commander\n\nMarch 12, 2024 4:17 PM GMT+3 Updated 2 hours ago\n\nADEN (Reuters) - A strike.",
        );
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn capital_mastheads_site_stamps_and_copyright_footers_name_the_outlet() {
        let m = metadata(
            "BUENOS AIRES TIMES | ECONOMY

Central Bank and IMF strike deal

BY FACUNDO ARRIETA
Saturday, July 26, 2025

Argentina reached a deal.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Buenos Aires Times"));
        assert_eq!(m.date.as_deref(), Some("2025-07-26"));
        let m = metadata(
            "Coast guard ship hit near shoal

By: Kristine Dela Pena - Reporter
INQUIRER.net / 06:42 PM September 18, 2025

MANILA, Philippines \u{2014} A vessel was hit.",
        );
        assert_eq!(m.outlet.as_deref(), Some("INQUIRER.net"));
        assert_eq!(m.date.as_deref(), Some("2025-09-18"));
        let m = metadata(
            "Nation | Courts

Ex-minister's account received funds

Thursday, 27 Mar 2025 5:20 PM MYT

The court was told.

Copyright \u{a9} 2025 The Straits Ledger. All rights reserved.",
        );
        assert_eq!(m.outlet.as_deref(), Some("The Straits Ledger"));
        assert_eq!(m.date.as_deref(), Some("2025-03-27"));
        let m = metadata(
            "Al Jazeera

News | Conflict

Blast outside ministry

The blast killed six.

SOURCE: AL JAZEERA AND NEWS AGENCIES",
        );
        assert_eq!(
            m.outlet.as_deref(),
            Some("Al Jazeera"),
            "not the section label `News`"
        );
    }

    #[test]
    fn a_byline_credit_or_footer_beats_a_section_breadcrumb_or_a_dateline_city() {
        let m = metadata(
            "The Northern Dispatch
NEWS \u{203a} CANADA \u{203a} CRIME

Court clears way for extradition

By Marie-\u{c8}ve Tremblay | The Northern Dispatch
April 22, 2025

The court ruled.",
        );
        assert_eq!(m.outlet.as_deref(), Some("The Northern Dispatch"));
        let m = metadata(
            "EastWire | Moldova

Moldova and Romania dismantle cigarette smuggling ring

CHISINAU \u{2014} Police in Moldova and Romania have arrested 19 people, officials said.

\u{a9} EastWire 2025",
        );
        assert_eq!(
            m.outlet.as_deref(),
            Some("EastWire"),
            "not the dateline's city"
        );
        let m = metadata(
            "Senators grill missile chief

By Brian Halvorsen, Deseret News
Published: Mar 6, 2025

The hearing ran long.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Deseret News"));
        let m = metadata(
            "Ministers pitch jobs

Written by Ritika Anand

The minister spoke.

\u{a9} The Indian Express Pvt Ltd",
        );
        assert_eq!(m.outlet.as_deref(), Some("The Indian Express"));
        let m = metadata(
            "By Ana Ruiz, Juan Soto

Police in Lima arrested two men.",
        );
        assert_eq!(m.outlet, None, "a second reporter is not an outlet");
    }

    #[test]
    fn a_lone_masthead_above_the_headline_names_the_outlet_but_a_section_does_not() {
        let m = metadata(
            "Stars and Stripes

Drones and rockets target US troops at Syrian gas field base

By Tom Delaney

The base was hit.",
        );
        assert_eq!(m.outlet.as_deref(), Some("Stars and Stripes"));
        let m = metadata(
            "Middle East

Drones and rockets target US troops at Syrian gas field base

Tension rose across the Middle East on Monday.",
        );
        assert_eq!(m.outlet, None, "a section the body names again");
    }
}
