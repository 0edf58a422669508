//! Per-document recognition: names in each sentence (gazetteer, titles, heads, appositions,
//! credits, acronyms), country hints, and relations stated within a sentence.

use rustc_hash::FxHashSet;

use crate::model::{Document, EntityType, Span};

use super::gazetteer::{Form, Gazetteer, fold};
use super::lexicon as lx;
use super::tokens::{Kind, Tok, tokenize};

/// A recognised name in one sentence.
#[derive(Clone, Debug)]
pub struct Cand {
    pub sent: u32,
    /// Token range `[t0, t1)` of the whole chunk (titles included).
    pub t0: usize,
    pub t1: usize,
    /// Byte span of the name itself.
    pub span: Span,
    /// The name as written (titles and a leading `the` left out).
    pub surface: String,
    pub etype: EntityType,
    /// Gazetteer entry, when the name is general knowledge.
    pub gaz: Option<u32>,
    pub demonym: bool,
    /// The type rests on evidence (title, head word, gazetteer), not on a guess.
    pub strong: bool,
    /// Folded name words.
    pub words: Vec<String>,
    /// How many of the last `words` are head words (`air base`, `network`).
    pub heads: usize,
    pub countries: Vec<String>,
    pub acronym: bool,
    /// Title or role written before a person (`president`, `spokesman`).
    pub role: Option<String>,
    /// This is an acronym defined in the text for the candidate at this index.
    pub alias_of: Option<usize>,
    /// The document's home country, for a person with a public role and no other country.
    pub home: Option<String>,
    /// The name as written when `surface` was re-cased (`OLIVIER DOULIERY`).
    pub raw: Option<String>,
    /// Named by a form every country uses for its own body (`Supreme Court`, `Senate`).
    pub generic: bool,
    /// `He`/`She` opening a sentence, standing for the person the previous sentence is about.
    pub pronoun: bool,
}

impl Cand {
    /// Add a country hint once.
    fn add_country(&mut self, country: String) {
        if !self.countries.contains(&country) {
            self.countries.push(country);
        }
    }
}

/// A relation stated in one sentence between two candidates.
#[derive(Clone, Debug)]
pub struct Rel {
    pub a: usize,
    pub b: usize,
    pub label: &'static str,
    pub sent: u32,
}

/// Record the relation `label` from `pair.0` to `pair.1` in sentence `si`, once per pair and
/// sentence (the first rule to relate a pair wins).
fn relate(
    rels: &mut Vec<Rel>,
    pairs: &mut FxHashSet<(usize, usize)>,
    pair: (usize, usize),
    label: &'static str,
    si: u32,
) {
    if pairs.insert(pair) {
        rels.push(Rel {
            a: pair.0,
            b: pair.1,
            label,
            sent: si,
        });
    }
}

/// What one document yields.
#[derive(Debug, Default)]
pub struct DocOut {
    pub cands: Vec<Cand>,
    pub rels: Vec<Rel>,
    /// Per sentence: does it hedge what it says?
    pub hedged: Vec<bool>,
    /// Number of words, for throughput figures.
    pub words: usize,
    /// The country whose officials, troops and agencies the text speaks of most (`US officials`).
    pub home: Option<String>,
}

pub fn analyze(doc: &Document) -> DocOut {
    let text = doc.text.as_str();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut ranges = Vec::with_capacity(doc.sentences.len());
    for s in &doc.sentences {
        let a = toks.len();
        tokenize(text, *s, &mut toks);
        ranges.push((a, toks.len()));
    }
    let mut lower: FxHashSet<&str> = FxHashSet::default();
    let mut words = 0;
    for t in &toks {
        if t.is_word() {
            words += 1;
            if !t.cap {
                lower.insert(t.text(text));
            }
        }
    }
    let outlet = doc.outlet.as_deref().filter(|o| !o.trim().is_empty());
    let mut st = State {
        g: Gazetteer::get(),
        name_words: FxHashSet::default(),
        text,
        toks: &toks,
        lower,
        outlet_span: outlet.and_then(|o| find_outlet(text, o)),
        outlet_fold: outlet.map(fold),
        outlet_name: outlet.unwrap_or(""),
        common_acronyms: FxHashSet::default(),
        defined_acronyms: rustc_hash::FxHashMap::default(),
        spelled: FxHashSet::default(),
        credit_sents: FxHashSet::default(),
        byline_sents: FxHashSet::default(),
        out: DocOut {
            words,
            ..DocOut::default()
        },
    };
    for (si, &(a, b)) in ranges.iter().enumerate() {
        st.sentence(si as u32, a, b);
    }
    st.people_by_surname();
    let dateline = st.dateline_country(&ranges);
    let weights = st.country_weights(dateline.clone());
    st.home_country(&weights, dateline.as_deref());
    st.data_countries(&weights);
    st.writers_for_outlet();
    st.out
}

/// The outlet named at the top of the text (`al-monitor In this file photo…`).
fn find_outlet(text: &str, outlet: &str) -> Option<Span> {
    let head_end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i);
    let head = text.get(..head_end)?.to_lowercase();
    if head.len() != head_end {
        return None; // lower-casing changed byte offsets; do not guess
    }
    let o = outlet.to_lowercase();
    let mut from = 0;
    while let Some(pos) = head.get(from..).and_then(|h| h.find(&o)) {
        let s = from + pos;
        let e = s + o.len();
        let before = head[..s].chars().next_back();
        let after = head[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(Span::new(s, e));
        }
        from = e;
    }
    None
}

struct State<'a> {
    g: &'static Gazetteer,
    /// Every word of a name read so far, so a check for one is not a walk over all names.
    name_words: FxHashSet<String>,
    text: &'a str,
    toks: &'a [Tok],
    lower: FxHashSet<&'a str>,
    outlet_span: Option<Span>,
    outlet_fold: Option<String>,
    outlet_name: &'a str,
    common_acronyms: FxHashSet<String>,
    /// Acronyms the text spells out (`Armed Forces of the Philippines (AFP)`): the candidate
    /// that defines each. Later uses name that body, whatever else the letters stand for.
    defined_acronyms: rustc_hash::FxHashMap<String, usize>,
    /// Every acronym the text spells out, so `RCMP Superintendent Anne-Marie Leblanc` reads
    /// the body apart from the title.
    spelled: FxHashSet<String>,
    /// Sentences that are credits or bylines: their people write or photograph, they don't act.
    credit_sents: FxHashSet<u32>,
    /// Bylines and wire credits among them: their people write for the text's outlet.
    byline_sents: FxHashSet<u32>,
    out: DocOut,
}

/// Whether the common noun `noun` can stand for the body named `name` (folded): a body of that
/// kind (`the ministry` for the Ministry of Commerce, `the commission`); any body but a state's
/// for `the group` or `the militants`; for `the company`, not a state body or an armed unit.
fn noun_names_body(noun: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let state = words.iter().any(|w| lx::is_state_head(w));
    match noun {
        "company" | "firm" => {
            !state
                && !words.iter().any(|w| {
                    matches!(
                        *w,
                        "regiment"
                            | "brigade"
                            | "battalion"
                            | "division"
                            | "network"
                            | "militia"
                            | "command"
                            | "mission"
                            | "forces"
                    )
                })
        }
        "group" | "organisation" | "organization" | "militants" | "insurgents" | "rebels"
        | "jihadists" => !state,
        _ => {
            let family = lx::kind_family(noun);
            words
                .last()
                .is_some_and(|l| *l == noun || family.contains(l))
                || words
                    .iter()
                    .position(|w| *w == "of")
                    .is_some_and(|p| p > 0 && words[p - 1] == noun)
        }
    }
}

/// `spells`, where a joining word may give its initial too (`CIABOC`).
pub(super) fn spells_out(name: &str, acronym: &str) -> bool {
    let words: Vec<(&str, bool)> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| (w, w.starts_with(char::is_uppercase)))
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && initials_spell(&words, &letters)
}

/// `Commission to Investigate Allegations of Bribery or Corruption` spells `CIABOC`: every
/// capitalised word gives its initial in order; a joining word (`of`, `or`) may give its own.
fn initials_spell(words: &[(&str, bool)], letters: &[char]) -> bool {
    let Some((&(w, cap), rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let first = w.chars().next().map(|c| c.to_ascii_uppercase());
    let takes = letters.first().copied() == first && initials_spell(rest, &letters[1..]);
    takes || (!cap && initials_spell(rest, letters))
}

/// `Armed Forces of the Philippines` spells `AFP`: the initials of its capitalised words.
pub(super) fn spells(name: &str, acronym: &str) -> bool {
    let initials: String = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && initials == letters
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '\u{2019}';
    }
    out
}

pub(super) fn head_type(w: &str) -> Option<EntityType> {
    if lx::is_facility_head(w) {
        Some(EntityType::Facility)
    } else if lx::is_org_head(w) {
        Some(EntityType::Organization)
    } else if lx::is_place_head(w) {
        Some(EntityType::Place)
    } else if lx::is_event_head(w) {
        Some(EntityType::Event)
    } else {
        None
    }
}

/// `MoD`, `DoJ`, `NaCTSO`: an abbreviation in mixed case (short, capitals at least as many as
/// small letters, so not `McCain` or `DeSantis`).
fn is_mixed_abbreviation(w: &str) -> bool {
    let upper = w.chars().filter(char::is_ascii_uppercase).count();
    w.len() <= 8
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && upper >= 2
        && upper * 2 >= w.len()
        && w.chars().all(|c| c.is_ascii_alphabetic())
}

fn is_credit_word(w: &str) -> bool {
    matches!(
        w,
        "Photo"
            | "PHOTO"
            | "Photos"
            | "File"
            | "FILE"
            | "Credit"
            | "CREDIT"
            | "Image"
            | "Images"
            | "Via"
            | "Pool"
            | "POOL"
            | "Handout"
            | "HANDOUT"
            | "Staff"
            | "Courtesy"
            | "By"
            | "BY"
            | "Posted"
            | "Written"
            | "Published"
            | "Story"
    )
}

impl<'a> State<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    fn punct_at(&self, i: usize, b: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(Tok {
                kind: Kind::Punct(c),
                ..
            }) if i < b => Some(*c),
            _ => None,
        }
    }

    /// Is token `i` the first word of its sentence (or after an opening quote, colon, bullet)?
    fn initial(&self, i: usize, a: usize) -> bool {
        let mut k = i;
        while k > a {
            k -= 1;
            match self.toks[k].kind {
                Kind::Punct('"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[') => {
                    continue;
                }
                Kind::Punct(c) => {
                    return matches!(
                        c,
                        ':' | '\u{2022}' | '-' | '\u{2014}' | '\u{2013}' | '*' | '|'
                    );
                }
                _ => return false,
            }
        }
        true
    }

    /// `Separately, …`, `Prosecutors said …`, `Payments were routed …`: a lone word opening a
    /// sentence that is an adverb before a comma, the plural of a word the text writes in
    /// lower case (`payment`) or of a role (`prosecutor`), or a plural of agents (`Protesters`),
    /// is an ordinary word.
    fn ordinary_opening(&self, i: usize, b: usize, lw: &str) -> bool {
        let next = self.toks.get(i + 1).filter(|_| i + 1 < b);
        if next.is_some_and(|n| (n.is_word() && n.cap) || n.hyph || n.kind == Kind::Poss) {
            return false;
        }
        let adverb =
            lw.len() > 5 && lw.ends_with("ly") && next.is_some_and(|n| n.kind == Kind::Punct(','));
        let plural = lw.len() > 4
            && lw.ends_with('s')
            && !lw.ends_with("ss")
            && (self.lower.contains(&lw[..lw.len() - 1])
                || lx::is_role_noun(&lw[..lw.len() - 1])
                || lx::is_role_noun(lw));
        // `Protesters blocked …`, `Migrants entered …`, `Investigators found …`: a plural of
        // people by what they do, before a lower-case word, unless a name read before ends in it
        // (`Sanders said`).
        let agents = lw.len() > 5
            && ["ers", "ors", "ants", "ents", "ists"]
                .iter()
                .any(|s| lw.ends_with(s))
            && next.is_some_and(|n| n.is_word() && !n.cap)
            && !self.name_words.contains(lw);
        adverb || plural || agents
    }

    /// Longest gazetteer name starting at token `i`.
    fn gaz_at(&self, i: usize, b: usize) -> Option<(usize, super::gazetteer::Hit)> {
        let first = fold(self.word(i));
        let next_ok = i + 1 < b && {
            let n = self.toks[i + 1];
            n.cap
                || n.hyph
                || n.kind == Kind::Poss
                || (n.is_word()
                    && matches!(
                        n.text(self.text),
                        "of" | "and" | "for" | "de" | "al" | "bin"
                    ))
                || n.kind == Kind::Punct(',')
                || (n.is_word() && head_type(n.text(self.text)).is_some())
        };
        if next_ok && self.g.starts_multi(&first) {
            let hi = (i + 8).min(b);
            for j in (i + 2..=hi).rev() {
                let last = &self.toks[j - 1];
                if !last.is_word() || (j < b && self.toks[j].hyph && self.toks[j].is_word()) {
                    continue;
                }
                let slice = &self.text[self.toks[i].start as usize..last.end as usize];
                if let Some(h) = self.g.lookup(slice) {
                    return Some((j, h));
                }
            }
        }
        if i + 1 < b && self.toks[i + 1].hyph {
            // `al-Qaeda`, `Al-Monitor`: the whole compound first.
            let mut j = i + 1;
            while j < b && self.toks[j].hyph {
                j += 1;
            }
            let slice = &self.text[self.toks[i].start as usize..self.toks[j - 1].end as usize];
            if let Some(h) = self.g.lookup(slice) {
                return Some((j, h));
            }
        }
        self.g.lookup(self.word(i)).map(|h| (i + 1, h))
    }

    fn sentence(&mut self, si: u32, a: usize, b: usize) {
        let first_cand = self.out.cands.len();
        let mut nwords = 0;
        let mut ncap = 0;
        let mut slash = false;
        let mut photo = false;
        for t in &self.toks[a..b] {
            match t.kind {
                Kind::Word => {
                    nwords += 1;
                    ncap += t.cap as usize;
                    let w = t.text(self.text);
                    photo |= matches!(
                        w,
                        "Photo" | "photo" | "PHOTO" | "Credit" | "CREDIT" | "Photograph"
                    );
                }
                Kind::Punct('/') => slash = true,
                _ => {}
            }
        }
        // `By ELENA RUIZ and MARK STEVENS`, `By Miriam Hale | The Guardian`: a byline names
        // its writers, in capitals or not.
        let byline = nwords <= 14
            && self.toks[a].is_word()
            && matches!(self.word(a), "By" | "BY")
            && !self.toks[a..b]
                .iter()
                .any(|t| t.is_word() && !t.cap && !matches!(t.text(self.text), "and" | "in"));
        // `Posted on October 13, 2017 by Martin Leclerc | 7 comments`, `Written by Ritika
        // Anand`: a stamp that names who wrote the piece.
        let byline = byline
            || (nwords <= 16
                && self.toks[a].is_word()
                && matches!(self.word(a), "Posted" | "Written" | "Published" | "Story")
                && self.toks[a + 1..b].iter().enumerate().any(|(q, t)| {
                    t.is_word()
                        && t.text(self.text) == "by"
                        && self
                            .toks
                            .get(a + 2 + q)
                            .is_some_and(|n| n.is_word() && n.cap)
                }));
        // `(Reporting by Samir Haddad in Aden; Editing by Tom Hogue)`: a wire story's credits.
        let reporting = nwords <= 30
            && self.toks[a..b].windows(2).any(|w| {
                w[0].is_word()
                    && w[1].is_word()
                    && matches!(
                        w[0].text(self.text),
                        "Reporting" | "reporting" | "Writing" | "Editing"
                    )
                    && w[1].text(self.text) == "by"
            });
        // `(Darryl Nguyen/The Northern Dispatch)` under a photo: a bracketed credit line.
        let bracketed = slash
            && nwords <= 8
            && self.toks[a].kind == Kind::Punct('(')
            && self.toks[b - 1].kind == Kind::Punct(')');
        let credit = ((photo || bracketed) && slash) || byline || reporting;
        if byline || reporting {
            self.byline_sents.insert(si);
        }
        if credit {
            self.credit_sents.insert(si);
        }
        self.pronoun_at_start(si, a);
        let ends_period = self.toks[a..b]
            .last()
            .is_some_and(|t| t.kind == Kind::Punct('.'));
        // `NEWS › CANADA › CRIME`, `Home | News | Business`: a site's navigation names
        // sections, not entities (only general knowledge is read there).
        // (A byline with bars, `Posted by Hana Saadi | Feb 12th, 2025 | Analysis`, is not.)
        let nav = self.toks[a..b]
            .iter()
            .filter(|t| matches!(t.kind, Kind::Punct('\u{203a}' | '\u{bb}' | '|')))
            .count()
            >= 2
            && self.toks[a..b].iter().all(|t| {
                !t.is_word()
                    || (t.cap && !t.text(self.text).starts_with(|c: char| c.is_ascii_digit()))
                    || matches!(t.text(self.text), "and" | "&")
            });
        let headline = !credit
            && (nav
                || (nwords >= 4
                    && ((!ends_period && ncap * 4 >= nwords * 3) || ncap * 10 >= nwords * 9)));
        let mut i = a;
        while i < b {
            let t = self.toks[i];
            if !t.is_word() {
                i += 1;
                continue;
            }
            if let Some(os) = self.outlet_span
                && t.start == os.start
            {
                let mut j = i + 1;
                while j < b && self.toks[j].start < os.end {
                    j += 1;
                }
                let name = self.outlet_name.to_owned();
                // A known outlet (`Reuters`) is the same entity wherever it is named.
                let known = self
                    .g
                    .lookup(&name)
                    .filter(|h| self.g.entry(*h).kind == EntityType::Organization);
                self.push(Cand {
                    sent: si,
                    t0: i,
                    t1: j,
                    span: os,
                    surface: name.clone(),
                    etype: EntityType::Organization,
                    gaz: known.map(|h| h.entry),
                    demonym: false,
                    strong: true,
                    words: name.split_whitespace().map(fold).collect(),
                    heads: 0,
                    countries: known
                        .and_then(|h| self.g.entry(h).country.clone())
                        .into_iter()
                        .collect(),
                    acronym: false,
                    role: None,
                    alias_of: None,
                    home: None,
                    raw: None,
                    generic: false,
                    pronoun: false,
                });
                i = j;
                continue;
            }
            let w = self.word(i);
            // `al-Qaeda`; `al Shabaab` where the data knows the spaced form.
            let particle_start = !t.cap
                && lx::is_name_particle(w)
                && i + 1 < b
                && self.toks[i + 1].cap
                && (self.toks[i + 1].hyph
                    || self
                        .g
                        .lookup(&self.text[t.start as usize..self.toks[i + 1].end as usize])
                        .is_some());
            // `US$2 billion`, `HK$`, `A$`: a currency, not a mention of the country.
            let currency = self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Punct('$') && n.start == t.end);
            if (!t.cap && !particle_start) || currency {
                i += 1;
                continue;
            }
            // An acronym defined as a common noun: `improvised explosive device (SVBIED)`.
            if t.caps
                && self.punct_at(i.wrapping_sub(1), b) == Some('(')
                && i >= a + 2
                && self.toks[i - 2].is_word()
                && !self.toks[i - 2].cap
            {
                self.common_acronyms.insert(w.to_owned());
                i += 1;
                continue;
            }
            // `AFP spokesperson`, once the text has spelt out `Armed Forces of the Philippines
            // (AFP)`: the text's own meaning, not the news agency.
            if t.caps
                && let Some(&k) = self.defined_acronyms.get(w)
                && self.toks.get(i + 1).is_none_or(|n| !n.hyph)
            {
                let mut acr = self.out.cands[k].clone();
                acr.sent = si;
                acr.t0 = i;
                acr.t1 = i + 1;
                acr.span = t.span();
                acr.surface = w.to_owned();
                acr.acronym = true;
                acr.alias_of = Some(k);
                acr.role = None;
                acr.pronoun = false;
                self.push(acr);
                i += 1;
                continue;
            }
            // `Mexico's Attorney General's Office, known by its Spanish initials FGR`: the
            // letters are the body's acronym.
            if t.caps
                && i >= a + 4
                && matches!(self.word(i - 1), "initials" | "acronym" | "abbreviation")
                && self.toks.get(i + 1).is_none_or(|n| !n.hyph)
                && let Some(known) = (i.saturating_sub(6).max(a + 1)..i - 1)
                    .find(|&q| self.word(q) == "known" && self.word(q + 1) == "by")
                && let Some(k) = (0..self.out.cands.len()).rev().find(|&q| {
                    let c = &self.out.cands[q];
                    c.sent == si
                        && c.alias_of.is_none()
                        && c.t1 + 1 == known
                        && self.punct_at(c.t1, b) == Some(',')
                        && matches!(c.etype, EntityType::Organization | EntityType::Other)
                })
            {
                let mut acr = self.out.cands[k].clone();
                acr.t0 = i;
                acr.t1 = i + 1;
                acr.span = t.span();
                acr.surface = w.to_owned();
                acr.acronym = true;
                acr.alias_of = Some(k);
                acr.role = None;
                self.spelled.insert(w.to_owned());
                self.defined_acronyms.insert(w.to_owned(), k);
                self.push(acr);
                i += 1;
                continue;
            }
            // `RCMP Superintendent Anne-Marie Leblanc`, `FSC Vice Chairman Yoon Seo-yeon`: a
            // body the text has spelt out, then a title.
            if t.caps
                && self.spelled.contains(w)
                && self.toks.get(i + 1).is_some_and(|n| {
                    i + 1 < b && n.is_word() && n.cap && lx::is_title(&fold(n.text(self.text)))
                })
            {
                let k = self.out.cands.len();
                self.classify(si, i, i + 1, a, b, credit);
                if self.out.cands.len() > k {
                    self.out.cands[k].etype = EntityType::Organization;
                }
                i += 1;
                continue;
            }
            let mut from_gaz = false;
            if let Some((j, hit)) = self.gaz_at(i, b) {
                let entry = self.g.entry(hit);
                let next_head = j < b
                    && self.toks[j].is_word()
                    && self.toks[j].cap
                    && !self.toks[j].hyph
                    && head_type(&fold(self.word(j))).is_some();
                let next_org = j < b
                    && self.toks[j].is_word()
                    && self.toks[j].cap
                    && !self.toks[j].hyph
                    && self.run_ends_in_org_head(j, b);
                // `Supreme Court of Kenya`, `Embassy of China`: a body of a named country.
                let of_place = hit.form != Form::Demonym
                    && matches!(
                        entry.kind,
                        EntityType::Organization | EntityType::Facility | EntityType::Place
                    )
                    && j + 1 < b
                    && self.word(j) == "of"
                    && {
                        // `Armed Forces of the Philippines`
                        let k = if self.word(j + 1) == "the" {
                            j + 2
                        } else {
                            j + 1
                        };
                        k < b
                            && self.toks[k].cap
                            && self.gaz_at(k, b).is_some_and(|(_, h)| {
                                matches!(
                                    self.g.entry(h).kind,
                                    EntityType::Country | EntityType::Place
                                )
                            })
                    };
                // `the Sinaloa cartel`: a body named after a place.
                let place_body = entry.kind == EntityType::Place
                    && j < b
                    && self.toks[j].is_word()
                    && !self.toks[j].cap
                    && lx::lowercase_head(self.word(j)) == Some(EntityType::Organization);
                // `Vladimir Putin`: a city's name that is also a given name, before a surname.
                let given = entry.kind == EntityType::Place
                    && j == i + 1
                    && self.g.is_first_name(self.word(i))
                    && j < b
                    && self.toks[j].is_word()
                    && self.toks[j].cap
                    && !self.toks[j].hyph
                    && self.g.lookup(self.word(j)).is_none();
                // `United Nations Assistance Mission in Afghanistan`, `EU Border Assistance
                // Mission`: an international body's own organ is a body of its own.
                let organ = entry.kind == EntityType::Organization
                    && hit.form == Form::Name
                    && entry.country.is_none()
                    && !entry.outlet
                    && next_org;
                let extend = place_body
                    || given
                    || organ
                    || (matches!(entry.kind, EntityType::Place | EntityType::Country)
                        && hit.form == Form::Name
                        && (next_head
                            || (entry.kind == EntityType::Place && next_org)
                            || (entry.kind == EntityType::Country
                                && hit.form == Form::Name
                                && (next_org || self.particle_compound(j, b)))))
                    || of_place;
                let demonym_org = hit.form == Form::Demonym
                    && j == i + 1
                    && j < b
                    && self.toks[j].is_word()
                    && !self.toks[j].hyph
                    && (self.run_ends_in_org_head(j, b)
                        || matches!(self.word(j), "embassy" | "consulate"));
                if !extend && !demonym_org {
                    let k = self.out.cands.len();
                    // `the Kursk region`, `Tochigi prefecture`: the kind written after a known
                    // place is part of the name as written.
                    let j = if entry.kind == EntityType::Place
                        && hit.form == Form::Name
                        && j < b
                        && self.toks[j].is_word()
                        && !self.toks[j].cap
                        && !self.toks[j].hyph
                        && lx::lowercase_head(self.word(j)) == Some(EntityType::Place)
                    {
                        j + 1
                    } else {
                        j
                    };
                    let surface =
                        self.text[t.start as usize..self.toks[j - 1].end as usize].to_owned();
                    let country = if entry.kind == EntityType::Country {
                        Vec::new()
                    } else {
                        entry.country.iter().cloned().collect()
                    };
                    self.push(Cand {
                        sent: si,
                        t0: i,
                        t1: j,
                        span: Span::new(t.start as usize, self.toks[j - 1].end as usize),
                        words: vec![fold(&surface)],
                        surface,
                        etype: entry.kind,
                        gaz: Some(hit.entry),
                        demonym: hit.form == Form::Demonym,
                        generic: hit.form == Form::Generic,
                        pronoun: false,
                        strong: true,
                        heads: 0,
                        countries: country,
                        acronym: false,
                        role: None,
                        alias_of: None,
                        home: None,
                        raw: None,
                    });
                    i = self.acronym_after(si, k, j, b);
                    continue;
                }
                from_gaz = true;
            }
            if !from_gaz {
                let lw = fold(w);
                // `Minister of Energy Rosa Quispe said …` opening a sentence is a title, though
                // the text also writes `minister`.
                let cap_at = |k: usize| k < b && self.toks[k].is_word() && self.toks[k].cap;
                let title_first = lx::is_title(&lw)
                    && (cap_at(i + 1)
                        || (i + 1 < b
                            && matches!(self.word(i + 1), "of" | "for")
                            && cap_at(i + 2)));
                if (self.initial(i, a)
                    && !title_first
                    && (lx::is_common_word(&lw)
                        || self.lower.contains(lw.as_str())
                        || self.ordinary_opening(i, b, &lw)))
                    || lx::is_skip_word(&lw)
                    // `We’re`, `They’ve`, `Don’t`: a contraction is no name.
                    || ["'re", "'ve", "'ll", "'m", "n't", "'d"]
                        .iter()
                        .any(|c| lw.ends_with(c))
                    || matches!(w, "The" | "A" | "An" | "THE")
                    || (credit && is_credit_word(w))
                {
                    i += 1;
                    continue;
                }
                if headline {
                    i += 1;
                    continue;
                }
                // `Press secretary Kayleigh McEnany`: a capitalised modifier of a lower-case role.
                if lx::is_role_modifier(&lw)
                    && i + 1 < b
                    && self.toks[i + 1].is_word()
                    && !self.toks[i + 1].cap
                    && (lx::is_role_noun(self.word(i + 1)) || lx::is_title(self.word(i + 1)))
                {
                    i += 1;
                    continue;
                }
            }
            let j = self.chunk_end(i, b, credit);
            if let Some(next) = self.nicknamed(si, i, j, b) {
                i = next;
                continue;
            }
            let k = self.out.cands.len();
            self.classify(si, i, j, a, b, credit);
            i = if self.out.cands.len() > k {
                let last = self.out.cands.len() - 1;
                let t1 = self.out.cands[last].t1;
                self.acronym_after(si, last, t1, b)
            } else {
                j.max(i + 1)
            };
        }
        self.post_sentence(si, first_cand, a, b, credit);
        if !credit && !headline {
            self.definite_mentions(si, a, b);
            self.pronoun_inside(si, first_cand, a, b);
        }
    }

    /// `Police said he had been held for a week.`: a sentence that names no person but speaks
    /// of one (`he`, `she`, `his`, `him`, `her`) speaks of the person the sentence before is
    /// about (the first named there, else the last one named in the sentence before that). A
    /// mention, like `He` opening a sentence, never a name.
    fn pronoun_inside(&mut self, si: u32, first: usize, a: usize, b: usize) {
        if si == 0
            || self.out.cands[first..]
                .iter()
                .any(|c| c.etype == EntityType::Person)
        {
            return;
        }
        let Some(i) = (a..b).find(|&i| {
            let t = self.toks[i];
            t.is_word() && matches!(t.text(self.text), "he" | "she" | "his" | "him" | "her")
        }) else {
            return;
        };
        let cands = &self.out.cands;
        let person = |q: &usize| cands[*q].etype == EntityType::Person;
        let before = (0..first).rev().take_while(|&q| cands[q].sent + 2 >= si);
        let Some(p) = before
            .clone()
            .filter(|&q| cands[q].sent + 1 == si)
            .filter(person)
            .last()
            .or_else(|| before.filter(person).find(|&q| cands[q].sent + 2 == si))
        else {
            return;
        };
        let p = cands[p].alias_of.unwrap_or(p);
        self.push_mention(p, si, i, i + 1);
    }

    /// `the group's fighters`, `the company said`, `the militants retook …`, `the country`: a
    /// definite description standing for the body named last — one of that kind where the noun
    /// names a kind (`the ministry`, `the bank`, `the hospital`), any armed group for `the
    /// militants`, any body for `the group`, `the company`, a country for `the country`. A
    /// mention, like `He`, that puts the body in the sentence (co-mentions), not a name.
    fn definite_mentions(&mut self, si: u32, a: usize, b: usize) {
        for i in a..b.saturating_sub(1) {
            let t = self.toks[i];
            if !t.is_word() || !matches!(t.text(self.text), "the" | "The") {
                continue;
            }
            // `the Gulf state … the small West African nation`: a description ending in
            // `nation` or `country` stands for the country named last.
            let described = (i + 2..(i + 6).min(b)).find(|&q| {
                self.toks[q].is_word()
                    && !self.toks[q].cap
                    && matches!(self.word(q), "nation" | "country")
                    && (i + 1..q).all(|k| {
                        self.toks[k].is_word()
                            && !matches!(self.word(k), "of" | "and" | "or" | "in" | "whole")
                    })
                    && self.toks.get(q + 1).is_none_or(|x| !(x.is_word() && x.cap))
            });
            if let Some(q) = described {
                let cands = &self.out.cands;
                let g = self.g;
                if let Some(p) = (0..cands.len())
                    .rev()
                    .take_while(|&c| cands[c].sent.saturating_add(3) >= si)
                    .filter(|&c| !cands[c].pronoun && cands[c].t1 <= i)
                    .map(|c| cands[c].alias_of.unwrap_or(c))
                    .find(|&c| {
                        cands[c].etype == EntityType::Country
                            && cands[c].gaz.is_some_and(|e| !g.entries[e as usize].outlet)
                    })
                {
                    self.push_mention(p, si, i, q + 1);
                }
                continue;
            }
            // `the Piraeus-based company`, `the state-owned firm`: a compound before the noun
            // describes it.
            let mut k = i + 1;
            if self.toks.get(i + 2).is_some_and(|x| x.hyph && x.is_word()) {
                k = i + 2;
                while k + 1 < b && self.toks[k + 1].hyph {
                    k += 1;
                }
                k += 1;
                if k >= b {
                    continue;
                }
            }
            let n = self.toks[k];
            if !n.is_word() || n.cap || n.hyph {
                continue;
            }
            let noun = n.text(self.text);
            // `the group Hamas`, `the company Elliptic`: the name follows; it is named.
            if self
                .toks
                .get(k + 1)
                .is_some_and(|x| x.is_word() && x.cap && !x.hyph)
                || self.toks.get(k + 1).is_some_and(|x| x.hyph)
            {
                continue;
            }
            let armed = matches!(noun, "militants" | "insurgents" | "rebels" | "jihadists");
            let any_body = matches!(
                noun,
                "group" | "company" | "firm" | "organisation" | "organization"
            );
            let kind = (lx::is_org_head(noun) || !lx::kind_family(noun).is_empty()) && !any_body;
            let facility = lx::is_facility_head(noun);
            let country = matches!(noun, "country" | "nation");
            if !(armed || any_body || kind || facility || country) {
                continue;
            }
            // A noun that names a kind (`the commission`, `the hospital`) stands for the last
            // body of that kind however far back it was named; `the group` or `the company`
            // only for one named in this sentence or the five before; `the country` for the
            // country named last in this sentence or the three before.
            let reach = if kind || facility {
                u32::MAX
            } else if country {
                3
            } else {
                6
            };
            let wanted = if country {
                EntityType::Country
            } else if facility && !kind {
                EntityType::Facility
            } else {
                EntityType::Organization
            };
            let end = self.out.cands.len();
            let cands = &self.out.cands;
            let g = self.g;
            let Some(p) = (0..end)
                .rev()
                .take_while(|&q| cands[q].sent.saturating_add(reach) >= si)
                .filter(|&q| !cands[q].pronoun && cands[q].t1 <= i)
                .map(|q| cands[q].alias_of.unwrap_or(q))
                .find(|&q| {
                    let c = &cands[q];
                    // `Aegean Crest Maritime … the company`: a name of two words or more
                    // read as nothing else is what `the company` or `the group` can be.
                    let untyped = any_body && c.etype == EntityType::Other && c.words.len() >= 2;
                    // Not the outlet or a credit (`(Reuters)`), nor a name read as a body
                    // only for want of another type.
                    if !untyped && (c.etype != wanted || !c.strong)
                        || c.acronym
                        || self.credit_sents.contains(&c.sent)
                        || c.gaz.is_some_and(|e| g.entries[e as usize].outlet)
                        || self.outlet_fold.as_deref() == Some(fold(&c.surface).as_str())
                        || (c.t0 > 0 && self.toks[c.t0 - 1].kind == Kind::Punct('('))
                    {
                        return false;
                    }
                    country || noun_names_body(noun, &fold(&c.surface))
                })
            else {
                continue;
            };
            self.push_mention(p, si, i, k + 1);
        }
    }

    /// `Ismael "El Mayo" Zambada`: a person with a nickname in quotes between first and last
    /// name. The person is named without the nickname; the nickname becomes an alias.
    /// Returns where to go on, when the chunk `[i, j)` starts such a name.
    fn nicknamed(&mut self, si: u32, i: usize, j: usize, b: usize) -> Option<usize> {
        let open = matches!(self.punct_at(j, b), Some('"' | '\u{201c}'));
        if !open || j - i > 2 || !self.toks[i].cap {
            return None;
        }
        let close = (j + 2..(j + 6).min(b))
            .find(|&q| matches!(self.punct_at(q, b), Some('"' | '\u{201d}')))?;
        if !(j + 1..close).all(|k| self.toks[k].is_word() && self.toks[k].cap) {
            return None;
        }
        let l0 = close + 1;
        if l0 >= b || !self.toks[l0].is_word() || !self.toks[l0].cap {
            return None;
        }
        let l1 = self.chunk_end(l0, b, false);
        if l1 - l0 > 2
            || (i..j)
                .chain(l0..l1)
                .any(|k| self.g.lookup(self.word(k)).is_some())
        {
            return None;
        }
        let first = &self.text[self.toks[i].start as usize..self.toks[j - 1].end as usize];
        let last = &self.text[self.toks[l0].start as usize..self.toks[l1 - 1].end as usize];
        let surface = format!("{first} {last}");
        let words: Vec<String> = (i..j).chain(l0..l1).map(|k| fold(self.word(k))).collect();
        let k = self.out.cands.len();
        self.push(Cand {
            sent: si,
            t0: i,
            t1: l1,
            span: Span::new(self.toks[i].start as usize, self.toks[l1 - 1].end as usize),
            surface,
            etype: EntityType::Person,
            gaz: None,
            demonym: false,
            strong: true,
            words,
            heads: 0,
            countries: Vec::new(),
            acronym: false,
            role: self.prev_role(i, 0),
            alias_of: None,
            home: None,
            raw: None,
            generic: false,
            pronoun: false,
        });
        let nick = &self.text[self.toks[j + 1].start as usize..self.toks[close - 1].end as usize];
        let mut alias = self.out.cands[k].clone();
        alias.t0 = j + 1;
        alias.t1 = close;
        alias.span = Span::new(
            self.toks[j + 1].start as usize,
            self.toks[close - 1].end as usize,
        );
        alias.surface = nick.to_owned();
        alias.words = vec![fold(nick)];
        alias.alias_of = Some(k);
        alias.role = None;
        self.push(alias);
        Some(l1)
    }

    /// `He had been held at the Altiplano prison.`: a sentence opening with `He` or `She` speaks
    /// of the first person named in the previous sentence, so the names in it are mentioned with
    /// that person. The pronoun is a mention of the person but never a name of it.
    fn pronoun_at_start(&mut self, si: u32, a: usize) {
        let Some(t) = self.toks.get(a) else {
            return;
        };
        if si == 0 || !t.is_word() {
            return;
        }
        let g = self.g;
        // `Quilla Copper said … Its chief executive, Graham Whitlock, …`: `Its` speaks of the
        // first body (or name not yet typed) named in the previous sentence, not the outlet or
        // a credit; `He`, `She` of the first person.
        let body = t.text(self.text) == "Its";
        if !body && !matches!(t.text(self.text), "He" | "She" | "His" | "Her") {
            return;
        }
        let cands = &self.out.cands;
        let before = (0..cands.len())
            .rev()
            .take_while(|&q| cands[q].sent + 1 >= si)
            .filter(|&q| cands[q].sent + 1 == si)
            .filter(|&q| {
                let c = &cands[q];
                if !body {
                    return c.etype == EntityType::Person && !c.pronoun;
                }
                let o = &cands[c.alias_of.unwrap_or(q)];
                !self.credit_sents.contains(&c.sent)
                    && matches!(
                        o.etype,
                        EntityType::Organization | EntityType::Facility | EntityType::Other
                    )
                    && !o.gaz.is_some_and(|e| g.entries[e as usize].outlet)
                    && self.outlet_fold.as_deref() != Some(fold(&o.surface).as_str())
            });
        // Walking back, the last found is the first named.
        let Some(p) = before.last() else {
            return;
        };
        let p = cands[p].alias_of.unwrap_or(p);
        self.push_mention(p, si, a, a + 1);
    }

    /// A pronoun or description at tokens `[t0, t1)` of sentence `si` standing for candidate
    /// `p`: a mention of it, never a name (no alias, type or country comes from it).
    fn push_mention(&mut self, p: usize, si: u32, t0: usize, t1: usize) {
        let span = Span::new(self.toks[t0].start as usize, self.toks[t1 - 1].end as usize);
        let mut c = self.out.cands[p].clone();
        c.sent = si;
        c.t0 = t0;
        c.t1 = t1;
        c.span = span;
        c.surface = self.text[span.range()].to_owned();
        c.alias_of = Some(p);
        c.pronoun = true;
        c.role = None;
        c.raw = None;
        self.push(c);
    }

    /// `Name (ACR)` or `ACR [Name]`: the acronym becomes an alias of candidate `k`.
    fn acronym_after(&mut self, si: u32, k: usize, j: usize, b: usize) -> usize {
        let open = self.punct_at(j, b);
        if matches!(open, Some('(') | Some('['))
            && j + 2 < b
            && self.toks[j + 1].is_word()
            && (self.toks[j + 1].caps || is_mixed_abbreviation(self.word(j + 1)))
            && matches!(self.punct_at(j + 2, b), Some(')') | Some(']'))
        {
            let t = self.toks[j + 1];
            let k = self.widen_to_acronym(si, k, t.text(self.text));
            let c = &self.out.cands[k];
            // `MEXICO CITY (AP) —`: a place is not spelled out by a known body's acronym.
            let letters = t.text(self.text);
            let known_other = self
                .g
                .lookup(letters)
                .is_some_and(|h| c.gaz != Some(h.entry));
            if matches!(c.etype, EntityType::Place | EntityType::Country)
                || (known_other && !spells(&c.surface, letters))
            {
                return j;
            }
            if known_other {
                self.defined_acronyms.insert(letters.to_owned(), k);
            }
            let mut acr = c.clone();
            acr.t0 = j + 1;
            acr.t1 = j + 2;
            acr.span = t.span();
            acr.surface = t.text(self.text).to_owned();
            acr.acronym = true;
            acr.alias_of = Some(k);
            acr.role = None;
            acr.sent = si;
            self.spelled.insert(acr.surface.clone());
            self.push(acr);
            return j + 3;
        }
        j
    }

    /// `Royal Canadian Mounted Police (RCMP)`, `Commission to Investigate Allegations of Bribery
    /// or Corruption (CIABOC)`: when the name read before an acronym does not spell it but the
    /// words before it do, the name is all of them (the pieces read as names of their own are
    /// dropped). Returns the candidate's index after the change.
    fn widen_to_acronym(&mut self, si: u32, k: usize, acronym: &str) -> usize {
        let c = &self.out.cands[k];
        let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 3
            || c.alias_of.is_some()
            || c.sent != si
            || matches!(
                c.etype,
                EntityType::Place | EntityType::Country | EntityType::Person
            )
            || spells(&c.surface, acronym)
        {
            return k;
        }
        let (t0, end) = (c.t0, c.t1);
        let joins = |w: &str| {
            matches!(
                w,
                "of" | "and" | "for" | "to" | "or" | "the" | "on" | "in" | "de" | "&"
            )
        };
        let mut found = None;
        let mut s = t0;
        while s > 0 && t0 - s < 10 {
            let t = self.toks[s - 1];
            let w = t.text(self.text);
            if !(t.is_word() || w == "&") || !(t.cap || joins(w)) {
                break;
            }
            s -= 1;
            if !t.cap {
                continue;
            }
            let words: Vec<(&str, bool)> = (s..end)
                .filter(|&q| self.toks[q].is_word() || self.word(q) == "&")
                .map(|q| (self.word(q), self.toks[q].cap))
                .collect();
            if initials_spell(&words, &letters) {
                found = Some(s);
            }
        }
        let Some(s) = found else {
            return k;
        };
        // The sentence's candidates inside the wider name go; none may be a person or an
        // acronym already.
        let inside: Vec<usize> = (0..k)
            .filter(|&q| {
                let o = &self.out.cands[q];
                o.sent == si && o.t0 >= s && o.t1 <= t0
            })
            .collect();
        if inside.iter().any(|&q| {
            let o = &self.out.cands[q];
            o.pronoun || o.alias_of.is_some() || o.etype == EntityType::Person
        }) || k + 1 != self.out.cands.len()
        {
            return k;
        }
        for &q in inside.iter().rev() {
            self.out.cands.remove(q);
        }
        let k = k - inside.len();
        let span = Span::new(
            self.toks[s].start as usize,
            self.out.cands[k].span.end as usize,
        );
        let surface = self.text[span.range()].to_owned();
        let heads: Vec<Option<EntityType>> = (s..end)
            .filter(|&q| self.toks[q].is_word())
            .map(|q| head_type(&fold(self.word(q))))
            .collect();
        let c = &mut self.out.cands[k];
        c.t0 = s;
        c.span = span;
        c.words = surface.split_whitespace().map(fold).collect();
        c.surface = surface;
        c.gaz = None;
        c.strong = true;
        c.etype = heads
            .iter()
            .rev()
            .flatten()
            .copied()
            .find(|t| matches!(t, EntityType::Organization | EntityType::Facility))
            .unwrap_or(EntityType::Organization);
        k
    }

    /// `Tehreek-e-Insaf` at `j`: a capitalised word, a short particle and another part.
    fn particle_compound(&self, j: usize, b: usize) -> bool {
        j + 2 < b
            && self.toks[j].is_word()
            && self.toks[j].cap
            && self.toks[j + 1].hyph
            && !self.toks[j + 1].cap
            && self.word(j + 1).len() <= 3
            && self.toks[j + 2].hyph
            && self.toks[j + 2].cap
    }

    fn run_ends_in_org_head(&self, mut j: usize, b: usize) -> bool {
        let mut last = None;
        while j < b && self.toks[j].is_word() && self.toks[j].cap {
            last = Some(j);
            j += 1;
        }
        last.is_some_and(|l| {
            let w = fold(self.word(l));
            lx::is_org_head(&w) || lx::is_facility_head(&w)
        })
    }

    /// End (exclusive) of the run of name words starting at `i`.
    fn chunk_end(&self, i: usize, b: usize, credit: bool) -> usize {
        let mut j = i + 1;
        while j < b {
            let t = self.toks[j];
            match t.kind {
                Kind::Punct('&') if j + 1 < b && self.toks[j + 1].cap => {
                    j += 2;
                    continue;
                }
                // `Minister for Enterprise, Tourism and Employment`
                Kind::Punct(',') if self.portfolio_goes_on(i, j) => {
                    j += 1;
                    continue;
                }
                // `Attorney General's Department`, `Prosecutor's Office of Georgia`, `People's
                // Bank of China`: an office's or a people's possessive inside a body's name.
                Kind::Poss
                    if j + 1 < b
                        && self.toks[j + 1].is_word()
                        && self.toks[j + 1].cap
                        && self.run_ends_in_org_head(j + 1, b)
                        && {
                            let prev = fold(self.word(j - 1));
                            lx::is_title(&prev)
                                || matches!(
                                    prev.as_str(),
                                    "people" | "women" | "children" | "workers" | "veterans"
                                )
                        } =>
                {
                    j += 1;
                    continue;
                }
                Kind::Word => {}
                _ => break,
            }
            let w = self.word(j);
            if t.hyph {
                // `Tehreek-e-Insaf`, `Lashkar-e-Taiba`, `Hizb-ut-Tahrir`: a particle between
                // capitalised parts.
                if !t.cap
                    && w.len() <= 3
                    && j + 1 < b
                    && self.toks[j + 1].hyph
                    && self.toks[j + 1].cap
                {
                    j += 2;
                    continue;
                }
                // `Lai Ching-te`, `Liang Wen-chieh`: a short syllable after a hyphen inside a
                // name of two or more words continues it.
                if !t.cap && j >= i + 2 && w.len() <= 5 && !lx::is_compound_tail(w) {
                    j += 1;
                    continue;
                }
                if !t.cap && !credit {
                    // `US-run`, `Taliban-affiliated`: the name stops before the hyphen.
                    // Only a name-like lower-case tail continues (`al-Qaeda` is in the data).
                    if j == i + 1 && lx::is_name_particle(self.word(i)) {
                        j += 1;
                        continue;
                    }
                    return j.min(self.name_end_before_hyphen(i, j));
                }
                // `Ado-Ekiti` is one town, though `Ekiti` is a region.
                let whole = format!("{}-{w}", self.word(j - 1));
                if self.g.town_countries(&whole).is_some() {
                    j += 1;
                    continue;
                }
                // `Iran-Taliban`, `China-Afghanistan`: split where a part is known.
                if self.g.lookup(w).is_some() || self.g.lookup(self.word(j - 1)).is_some() {
                    break;
                }
                j += 1;
                continue;
            }
            if t.cap {
                if lx::is_skip_word(&fold(w)) {
                    break;
                }
                // A known country or demonym after a name starts a new one (`Trump Iran`),
                // except after `of` (`Supreme Court of Kenya`, `Armed Forces of the Philippines`)
                // and in a body named for a cause (`Center for a New American Security`).
                // `Royal Papua New Guinea Constabulary`, `Royal Thai Police`: a country inside
                // a body's name goes on to its head.
                if let Some((e, h)) = self.gaz_at(j, b)
                    && self.g.entry(h).kind == EntityType::Country
                    && e < b
                    && self.toks[e].cap
                    && self.run_ends_in_org_head(e, b)
                    && !(i..j).any(|k| lx::is_common_word(&fold(self.word(k))))
                {
                    j = e;
                    continue;
                }
                if self
                    .g
                    .lookup(w)
                    .is_some_and(|h| self.g.entry(h).kind == EntityType::Country)
                    && !lx::is_org_head(&fold(w))
                    && self.word(j - 1) != "of"
                    && !(self.word(j - 1) == "the" && j >= i + 2 && self.word(j - 2) == "of")
                    && !(i + 1..j).any(|k| self.word(k) == "for")
                {
                    break;
                }
                j += 1;
                continue;
            }
            let next_cap = j + 1 < b && self.toks[j + 1].is_word() && self.toks[j + 1].cap;
            // `Ministry of Energy and Mines`, `Minister of Maritime Affairs and Insular Policy`
            if w == "and" && self.portfolio_goes_on(i, j) {
                j += 1;
                continue;
            }
            // `the Competition and Markets Authority`, `the Independent Electoral and Boundaries
            // Commission`: after `the`, unknown words joined by `and` to a run ending in a head.
            if w == "and"
                && next_cap
                && i > 0
                && self.toks[i - 1].is_word()
                && self.word(i - 1).eq_ignore_ascii_case("the")
                && j - i <= 2
                && (i..j).all(|k| self.g.lookup(self.word(k)).is_none())
                && self.run_ends_in_org_head(j + 1, b)
            {
                j += 1;
                continue;
            }
            // `Sanaa Center for Strategic Studies`, `Center for a New American Security`.
            // (`Court of Appeal for British Columbia`: a head before `of` counts.)
            if w == "for" && {
                let prev = fold(self.word(j - 1));
                head_type(&prev).is_some()
                    || lx::is_title(&prev)
                    || ((i..j).any(|k| self.word(k) == "of")
                        && (i..j).any(|k| {
                            self.toks[k].is_word() && head_type(&fold(self.word(k))).is_some()
                        }))
            } {
                let k = if j + 2 < b && matches!(self.word(j + 1), "a" | "the") {
                    j + 2
                } else {
                    j + 1
                };
                if k < b && self.toks[k].is_word() && self.toks[k].cap {
                    j = k;
                    continue;
                }
            }
            if w == "of" && next_cap {
                let prev = fold(self.word(j - 1));
                let prev = prev.trim_end_matches('.');
                if head_type(prev).is_some()
                    || lx::is_title(prev)
                    || matches!(
                        prev,
                        "republic" | "chiefs" | "kingdom" | "people" | "states" | "bank"
                    )
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if w == "of" && j + 2 < b && self.word(j + 1) == "the" && self.toks[j + 2].cap {
                let prev = fold(self.word(j - 1));
                if head_type(&prev).is_some() || lx::is_title(&prev) {
                    j += 2;
                    continue;
                }
                break;
            }
            if lx::is_name_particle(w) && next_cap {
                j += 1;
                continue;
            }
            break;
        }
        // Never end on a connector.
        while j > i + 1
            && !self.toks[j - 1].cap
            && self.toks[j - 1].kind == Kind::Word
            && !self.toks[j - 1].hyph
        {
            j -= 1;
        }
        j
    }

    /// The body a common noun stands for (`the ministry`, `company spokeswoman`): the last
    /// organisation named before candidate `c`, in its sentence or the two before, whose name
    /// ends in that noun (`Ministry of Commerce` for `ministry`) or that the noun describes
    /// (`company`, `firm` for any organisation not known as a state body).
    fn body_by_head(&self, noun: &str, c: usize, si: u32) -> Option<usize> {
        let cands = &self.out.cands;
        let head_of = |q: usize| -> bool {
            let cd = &cands[q];
            cd.etype == EntityType::Organization
                && cd.alias_of.is_none()
                && noun_names_body(noun, &fold(&cd.surface))
        };
        (0..c)
            .rev()
            .take_while(|&q| cands[q].sent + 2 >= si)
            .find(|&q| head_of(q))
    }

    /// At token `j` (`and` or a comma) inside a run from `i`: the run is a title or body
    /// followed by `of`/`for` and portfolio words (`Minister of Energy`), and a portfolio
    /// word follows `j` (`and Mines`), so the portfolio goes on.
    fn portfolio_goes_on(&self, i: usize, j: usize) -> bool {
        let next = j + 1;
        if next >= self.toks.len()
            || !self.toks[next].is_word()
            || !self.toks[next].cap
            || !lx::is_portfolio(&fold(self.word(next)))
        {
            return false;
        }
        let Some(p) = (i + 1..j)
            .rev()
            .find(|&p| matches!(self.word(p), "of" | "for"))
        else {
            return false;
        };
        let owner = fold(self.word(p - 1));
        (head_type(&owner).is_some() || lx::is_title(&owner))
            && (p + 1..j).all(|k| {
                let t = self.toks[k];
                t.kind == Kind::Punct(',')
                    || (t.is_word() && {
                        let w = fold(t.text(self.text));
                        w == "and" || lx::is_portfolio(&w)
                    })
            })
    }

    fn name_end_before_hyphen(&self, _i: usize, j: usize) -> usize {
        j - 1
    }

    fn classify(&mut self, si: u32, i: usize, j: usize, a: usize, b: usize, credit: bool) {
        if j <= i {
            return;
        }
        // Word tokens of the chunk, with their indices.
        let idx: Vec<usize> = (i..j).filter(|&k| self.toks[k].is_word()).collect();
        if idx.is_empty() {
            return;
        }
        let folded: Vec<String> = idx.iter().map(|&k| fold(self.word(k))).collect();
        let n = idx.len();
        let last = folded[n - 1].as_str();
        // `Supreme Court of Kenya`, `Bank of England`: the head comes before `of`;
        // `Attorney's Office for the Western District of Washington`: before `for`.
        let before = |word: &str| {
            let p = folded.iter().position(|w| w == word).filter(|&p| p > 0)?;
            head_type(&folded[p - 1])
        };
        let last_head = before("for")
            .or_else(|| head_type(last))
            .or_else(|| before("of"));

        // Titles: `Defense Secretary Mark Esper`, `Major General Qassem Soleimani`, `MG Soleimani`.
        let mut title: Option<String> = None;
        let mut r = 0;
        // `General Dynamics`, `General Motors`: a listed company, not a general.
        let listed = |to: usize| {
            let span = self.toks[idx[0]].start as usize..self.toks[idx[to]].end as usize;
            self.g.company_country(&self.text[span]).is_some()
        };
        let company = n >= 2
            && lx::is_title(folded[0].trim_end_matches('.'))
            && self.g.may_be_town_or_company(&folded[0])
            && (listed(n - 1) || (n >= 3 && listed(n - 2)));
        if (last_head.is_none() || n == 1) && !company {
            let mut k = 0;
            while k < n {
                let w = folded[k].trim_end_matches('.');
                // `Tan Sri Azam Baki`, `Datuk Seri Rahmat Hashim`: Malaysian honorifics.
                let honorific = (matches!(w, "tan" | "puan" | "toh")
                    && folded
                        .get(k + 1)
                        .is_some_and(|x| matches!(x.as_str(), "sri" | "seri" | "puan")))
                    || (title.is_some() && r == k && matches!(w, "sri" | "seri"));
                if (lx::is_title(w) && !(self.toks[idx[k]].caps && w.len() > 3)) || honorific {
                    title = Some(w.to_owned());
                    k += 1;
                    r = k;
                    continue;
                }
                // `Minister of Energy and Mines Alfredo Cárdenas`
                let portfolio =
                    title.is_some() && (matches!(w, "of" | "for" | "and") || lx::is_portfolio(w));
                if lx::is_role_modifier(w) || portfolio {
                    k += 1;
                    continue;
                }
                break;
            }
            if title.is_some() {
                r = k;
            }
        }
        // A title inside the chunk: `Drug Enforcement Administration Administrator Terrance
        // Cole` is a body and a person; `Federal Information Minister Attaullah Tarar` a person.
        if title.is_none()
            && n >= 3
            && !folded.iter().any(|w| w == "of")
            && let Some(k) = (1..n - 1).rev().find(|&k| {
                lx::is_title(folded[k].trim_end_matches('.'))
                    && !self.toks[idx[k]].caps
                    // `Attorney General's Department`: a possessive title names the body.
                    && self.toks.get(idx[k] + 1).is_none_or(|t| t.kind != Kind::Poss)
            })
            // `Reconnaissance General Bureau`: a title inside a body's name.
            && head_type(last) != Some(EntityType::Organization)
        {
            // `Siemens Healthineers Chief Executive Bernd Montag`: a listed company or a known
            // body before the title, too.
            let body = {
                let span = self.toks[idx[0]].start as usize..self.toks[idx[k - 1]].end as usize;
                let name = &self.text[span];
                self.g.company_country(name).is_some()
                    || self
                        .g
                        .lookup(name)
                        .is_some_and(|h| self.g.entry(h).kind == EntityType::Organization)
            };
            if body || head_type(&folded[k - 1]) == Some(EntityType::Organization) {
                self.classify(si, i, idx[k], a, b, credit);
            }
            self.classify(si, idx[k], j, a, b, credit);
            return;
        }
        let name_idx = &idx[r..];
        if name_idx.is_empty() {
            return; // a role alone: `Army Major`, `Secretary of Defense`
        }
        let name_words = &folded[r..];
        if name_words.iter().any(|w| w == "of") && title.is_some() {
            return;
        }
        let nn = name_idx.len();
        let mut t1 = j;
        let mut span = Span::new(
            self.toks[name_idx[0]].start as usize,
            self.toks[name_idx[nn - 1]].end as usize,
        );
        let mut surface = self.text[span.range()].to_owned();
        let mut words: Vec<String> = name_words.to_vec();
        let all_caps = name_idx.iter().all(|&k| self.toks[k].caps);
        let first_written = self.word(name_idx[0]);

        let prev_role = self.prev_role(i, a);
        let next_word = |k: usize| -> &str {
            if k < b && self.toks[k].is_word() {
                self.word(k)
            } else {
                ""
            }
        };
        // Lower-case head right after: `Trump administration`, `Bagram airbase`, `Haqqani network`.
        let mut lower_head = None;
        if j < b && self.toks[j].is_word() && !self.toks[j].cap && !self.toks[j].hyph {
            let w1 = next_word(j);
            if w1 == "air" && next_word(j + 1) == "base" {
                lower_head = Some((EntityType::Facility, j + 2));
            } else if let Some(tp) = lx::lowercase_head(w1) {
                lower_head = Some((tp, j + 1));
            } else if i > a && self.word(i - 1) == "the" {
                // `the Constancia copper mine`, `the Sunan area`: the noun types the name,
                // which stays as written.
                let site = if lx::is_site_descriptor(w1) && j + 1 < b && !self.toks[j + 1].cap {
                    let w2 = next_word(j + 1);
                    lx::lowercase_head(w2).or_else(|| lx::site_noun(w2))
                } else {
                    lx::site_noun(w1)
                };
                if let Some(tp) = site.filter(|&tp| tp != EntityType::Organization) {
                    lower_head = Some((tp, j));
                }
            }
        }
        let mut heads = 0;
        let mut strong = true;
        let mut role = None;
        let mut acronym = false;
        let mut countries: Vec<String> = Vec::new();
        let outlet = self.outlet_fold.as_deref() == Some(surface_fold(&surface).as_str());

        let ampersand = (i..j).any(|k| self.toks[k].kind == Kind::Punct('&'));
        let etype = if outlet || (ampersand && nn >= 2) {
            EntityType::Organization
        } else if let Some(t) = title.clone().filter(|_| last_head.is_none()) {
            role = Some(t);
            EntityType::Person
        } else if let (Some(tp), true) = (last_head, nn >= 2) {
            heads = folded
                .iter()
                .rev()
                .take_while(|w| head_type(w).is_some())
                .count()
                .min(nn - 1);
            tp
        } else if let Some((tp, end)) = lower_head.filter(|_| !all_caps || nn == 1) {
            t1 = end;
            span = Span::new(span.start as usize, self.toks[end - 1].end as usize);
            surface = self.text[span.range()].to_owned();
            for k in j..end {
                words.push(fold(self.word(k)));
            }
            heads = end - j;
            // `Donald Trump administration` and `Trump administration` are one body.
            if tp == EntityType::Organization && nn >= 2 && self.g.is_first_name(first_written) {
                words.drain(..nn - 1);
            }
            tp
        } else if credit
            && self
                .outlet_fold
                .as_deref()
                .is_some_and(|o| surface_fold(o) == surface_fold(&surface))
        {
            // `(Darryl Nguyen/The Northern Dispatch)`: the text's own outlet in a credit.
            strong = true;
            EntityType::Organization
        } else if credit
            && (2..=3).contains(&nn)
            && !name_idx.iter().any(|&k| is_credit_word(self.word(k)))
        {
            if all_caps {
                surface = title_case(&surface);
            }
            EntityType::Person
        } else if let Some(rl) = prev_role.clone().filter(|_| !all_caps || nn >= 2) {
            role = Some(rl);
            EntityType::Person
        } else if nn >= 2
            && !all_caps
            && (self.apposition_role(j, b)
                || self.g.is_first_name(first_written)
                || self.age_after(j, b)
                || self.role_before_apposition(i, a, j, b))
        {
            EntityType::Person
        } else if nn >= 2 && !all_caps && lx::is_speech_verb(next_word(j)) {
            strong = false;
            EntityType::Person
        } else if nn == 1 && (all_caps || is_mixed_abbreviation(self.word(name_idx[0]))) {
            let w = self.word(name_idx[0]);
            if self.common_acronyms.contains(w) || lx::is_skip_word(&folded[r]) {
                strong = false;
                EntityType::Other
            } else {
                acronym = true;
                EntityType::Organization
            }
        } else if nn == 1 {
            strong = false;
            let the = i > a && self.toks[i - 1].is_word() && self.word(i - 1) == "the";
            let agent = lx::is_speech_verb(next_word(j))
                || (i >= a + 2
                    && self.word(i - 1) == "to"
                    && self.word(i - 2).eq_ignore_ascii_case("according"))
                || (i > a && matches!(self.word(i - 1), "told" | "by"));
            if the || agent {
                EntityType::Organization
            } else {
                EntityType::Other
            }
        } else {
            strong = false;
            EntityType::Other
        };
        // `General Dynamics UK, the contractor`: a listed company is a body whatever its context.
        let etype = if company {
            role = None;
            EntityType::Organization
        } else {
            etype
        };
        // A demonym, country or city inside the name: `German Marshall Fund`, `Chinese embassy`,
        // `Supreme Court of Kenya`, `Munich Regional Court`, `Nasdaq Stockholm`.
        // `Sri Lanka Ports Authority`, `Central Bank of South Korea`: the longest name first,
        // so the town `Lanka` inside `Sri Lanka` does not count.
        if etype != EntityType::Person {
            let mut next = 0;
            for &k in &idx {
                if k < next {
                    continue;
                }
                let Some((end, h)) = self.gaz_at(k, j) else {
                    continue;
                };
                next = end;
                // `Taiwan Affairs Office`, `Ministry of Foreign Affairs`: a country before
                // `Affairs` is the subject the body deals with, not its owner.
                if idx.iter().any(|&n| n == end && self.word(n) == "Affairs") {
                    continue;
                }
                let entry = self.g.entry(h);
                let cn = match entry.kind {
                    EntityType::Country => Some(&entry.name),
                    EntityType::Place if self.toks[k].cap && !entry.region => {
                        entry.country.as_ref()
                    }
                    _ => None,
                };
                if let Some(cn) = cn
                    && !countries.contains(cn)
                {
                    countries.push(cn.clone());
                }
            }
        }
        let mut raw = None;
        if etype == EntityType::Person && all_caps {
            raw = Some(self.text[span.range()].to_owned());
            surface = title_case(&surface);
        }
        // A lone everyday word (`In`, `However`) is no name, whatever its case.
        if etype == EntityType::Other && nn == 1 && lx::is_common_word(&folded[r]) {
            return;
        }
        self.push(Cand {
            sent: si,
            t0: i,
            t1,
            span,
            surface,
            etype,
            gaz: None,
            demonym: false,
            strong,
            words,
            heads,
            countries,
            acronym,
            role,
            alias_of: None,
            home: None,
            raw,
            generic: false,
            pronoun: false,
        });
    }

    /// A lower-case role right before token `i`: `spokesman Rob Lodewick`,
    /// `national security advisor, Robert O'Brien`, `president Trump`.
    fn prev_role(&self, i: usize, a: usize) -> Option<String> {
        let mut k = i;
        if k > a && self.punct_at(k - 1, usize::MAX) == Some(',') {
            k -= 1;
        }
        if k > a && self.toks[k - 1].is_word() && !self.toks[k - 1].cap {
            // `president-elect Joe Biden`, `Abeysekera's brother-in-law, Sunil Pathirana`: a
            // hyphenated title is read whole.
            let mut s = k - 1;
            while self.toks[s].hyph && s > a && self.toks[s - 1].is_word() {
                s -= 1;
            }
            let w = if s < k - 1 {
                let t = &self.toks;
                &self.text[t[s].start as usize..t[k - 1].end as usize]
            } else {
                self.word(k - 1)
            };
            if lx::is_role_noun(w) || lx::is_title(w) {
                return Some(w.to_owned());
            }
        }
        None
    }

    /// `Andrew Small, a senior fellow at …`: a comma, an article, a role within a few words.
    /// `Abeysekera, 63,`, `Dhaliwal, 41, who`: an age between commas follows a person's name.
    fn age_after(&self, j: usize, b: usize) -> bool {
        j + 2 < b
            && self.punct_at(j, b) == Some(',')
            && self.word(j + 1).len() <= 3
            && self
                .word(j + 1)
                .parse::<u32>()
                .is_ok_and(|n| (14..=110).contains(&n))
            && matches!(self.punct_at(j + 2, b), Some(',') | Some(')'))
    }

    /// `The former chairman of the Sri Lanka Ports Authority (SLPA), Ranjith Abeysekera, went
    /// on trial`: a name set off by commas after `the chairman of …` is the person that role
    /// describes.
    fn role_before_apposition(&self, i: usize, a: usize, j: usize, b: usize) -> bool {
        if i < a + 3 || self.punct_at(i - 1, b) != Some(',') || self.punct_at(j, b) != Some(',') {
            return false;
        }
        let from = i.saturating_sub(14).max(a);
        for k in (from..i - 1).rev() {
            if self.punct_at(k, b) == Some(',') {
                return false;
            }
            let t = self.toks[k];
            if !t.is_word() || t.cap {
                continue;
            }
            let w = self.word(k);
            if lx::is_role_noun(w) || lx::is_title(w) {
                let det = (k.saturating_sub(3).max(a)..k).any(|q| {
                    self.toks[q].is_word()
                        && matches!(self.word(q), "the" | "The" | "a" | "A" | "an" | "An")
                });
                return det && k + 1 < i && matches!(self.word(k + 1), "of" | "at" | "for");
            }
        }
        false
    }

    fn apposition_role(&self, j: usize, b: usize) -> bool {
        if self.punct_at(j, b) != Some(',') {
            return false;
        }
        let mut k = j + 1;
        if k < b
            && matches!(
                self.word(k),
                "a" | "an" | "the" | "who" | "its" | "his" | "her"
            )
        {
            k += 1;
        } else {
            return false;
        }
        for _ in 0..5 {
            // `Margrethe Vestager, the EU's competition commissioner`
            if k < b && self.toks[k].kind == Kind::Poss {
                k += 1;
                continue;
            }
            if k >= b || !self.toks[k].is_word() {
                return false;
            }
            let w = self.word(k);
            if lx::is_role_noun(w) || lx::is_title(w) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// The home country of the text: the one named most as the owner of officials, troops,
    /// agencies (`US officials`, `American troops`). People with a public role and no country
    /// of their own are taken to serve it.
    /// The country of a dateline city in the first sentences: `WASHINGTON (Reuters) -`,
    /// `MANILA, Nov 18, 2023`, `Canberra, March 10 (Reuters) -`.
    fn dateline_country(&self, ranges: &[(usize, usize)]) -> Option<String> {
        for (si, &(a, b)) in ranges.iter().enumerate().take(10) {
            let Some(c) = self
                .out
                .cands
                .iter()
                .find(|c| c.sent == si as u32 && c.t0 == a)
            else {
                continue;
            };
            if !matches!(c.etype, EntityType::Place | EntityType::Country) {
                continue;
            }
            let after = |k: usize| self.toks.get(k).filter(|_| k < b);
            // `Nairobi, Kenya -`: the country after the city is part of the dateline.
            let mut t1 = c.t1;
            if after(t1).is_some_and(|t| t.kind == Kind::Punct(','))
                && let Some(n) = self.out.cands.iter().find(|n| n.t0 == t1 + 1)
                && n.etype == EntityType::Country
            {
                t1 = n.t1;
            }
            let dateline = match after(t1).map(|t| t.kind) {
                Some(Kind::Punct('(' | '-' | '\u{2014}' | '\u{2013}')) => true,
                // `ISLAMABAD: The Islamabad High Court …`
                Some(Kind::Punct(':')) => self.toks[c.t0].caps,
                Some(Kind::Punct(',')) => after(t1 + 1).is_some_and(|t| {
                    t.is_word() && crate::corpus::month_number(t.text(self.text)).is_some()
                }),
                _ => false,
            };
            if !dateline {
                continue;
            }
            let entry = &self.g.entries[c.gaz? as usize];
            return if entry.kind == EntityType::Country {
                Some(entry.name.clone())
            } else {
                entry.country.clone()
            };
        }
        None
    }

    /// How much the text names each country: mentions, possessives (`Kenya's`), owners of
    /// officials or troops (`US officials`), its cities and regions, and a dateline.
    fn country_weights(&self, dateline: Option<String>) -> Vec<(String, usize)> {
        let g = self.g;
        let mut counts: Vec<(String, usize)> = Vec::new();
        // A dateline weighs as much as two `US officials`.
        if let Some(d) = dateline {
            counts.push((d, 6));
        }
        // Only names weigh: `the country`, `the port` stand for names counted already.
        for c in self.out.cands.iter().filter(|c| !c.pronoun) {
            // A city or region counts for its country: a text set in Assam and Silchar is
            // about India even where it names India once.
            if c.etype == EntityType::Place
                && let Some(cn) = c.gaz.and_then(|e| g.entries[e as usize].country.as_deref())
            {
                match counts.iter_mut().find(|(n, _)| n == cn) {
                    Some(x) => x.1 += 1,
                    None => counts.push((cn.to_owned(), 1)),
                }
                continue;
            }
            if c.etype != EntityType::Country {
                continue;
            }
            let Some(name) = c.gaz.map(|e| g.entries[e as usize].name.clone()) else {
                continue;
            };
            // A mention counts 1; `Kenya's …` 2; `US officials`, `Iranian troops` 3.
            let mut w = 1;
            if let Some(t) = self.toks.get(c.t1) {
                if t.kind == Kind::Poss {
                    w = 2;
                } else if t.is_word() && !t.cap && lx::is_state_noun(t.text(self.text)) {
                    w = 3;
                }
            }
            match counts.iter_mut().find(|(n, _)| *n == name) {
                Some(x) => x.1 += w,
                None => counts.push((name, w)),
            }
        }
        counts
    }

    fn home_country(&mut self, counts: &[(String, usize)], dateline: Option<&str>) {
        let g = self.g;
        let most = counts.iter().map(|x| x.1).max().unwrap_or(0);
        // `VANCOUVER —` over a story that names the U.S. about as often as Canada: the text
        // is set where its dateline is.
        let set_in = dateline
            .and_then(|d| counts.iter().find(|(n, _)| n == d))
            .filter(|x| 4 * x.1 >= 3 * most);
        let top: Vec<&(String, usize)> = match set_in {
            Some(x) => vec![x],
            None => counts.iter().filter(|x| x.1 == most).collect(),
        };
        let best = top.first().map_or(0, |x| x.1);
        if best < 3 || top.len() != 1 {
            return;
        }
        let home = top[0].0.clone();
        // How much the text speaks of a country, its bodies included (`FBI`, `Treasury`).
        let mut bodies: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for c in &self.out.cands {
            if c.etype == EntityType::Organization
                && let Some(cn) = c.gaz.and_then(|e| g.entries[e as usize].country.as_deref())
            {
                *bodies.entry(cn).or_default() += 1;
            }
        }
        let weight = |country: &str| -> usize {
            let named = counts.iter().find(|(n, _)| n == country).map_or(0, |x| x.1);
            named + bodies.get(country).copied().unwrap_or(0)
        };
        let home_weight = weight(&home);
        // A text about one country clearly more than any other (half as much again: a court
        // case in Islamabad, a raid in Assam with a Myanmar link) is taken to be about its
        // people and bodies, titled or not.
        let second = counts
            .iter()
            .filter(|(n, _)| *n != home)
            .map(|x| x.1)
            .max()
            .unwrap_or(0);
        let domestic = best >= 6 && 2 * best >= 3 * second;
        // `the Supreme Court` in a text about Kenya is Kenya's, not the U.S. one; in a text
        // about North Korean hackers that names the FBI, `the Treasury` is still the U.S. one.
        let foreign: Vec<&str> = self
            .out
            .cands
            .iter()
            .filter(|c| c.generic)
            .filter_map(|c| g.entries[c.gaz? as usize].country.as_deref())
            .filter(|&cn| cn != home && home_weight >= 2 * weight(cn))
            .collect();
        // `IMF Managing Director Kristalina Georgieva`, `Britain's Foreign Secretary David
        // Lammy`: a person who serves an international body or another country's is not the
        // home country's.
        let serves_elsewhere: FxHashSet<usize> = self
            .out
            .rels
            .iter()
            .filter(|r| lx::is_affiliation_label(r.label))
            .filter(|r| {
                let o = &self.out.cands[r.b];
                let data = o.gaz.map(|e| &g.entries[e as usize]);
                match o.etype {
                    EntityType::Country => data.is_some_and(|e| e.name != home),
                    EntityType::Organization => {
                        data.is_some_and(|e| e.country.is_none() && !e.outlet)
                            || o.countries.first().is_some_and(|cn| *cn != home)
                    }
                    _ => false,
                }
            })
            .map(|r| r.a)
            .collect();
        for (k, c) in self.out.cands.iter_mut().enumerate() {
            if c.generic
                && let Some(e) = c.gaz
                && let Some(cn) = g.entries[e as usize].country.as_deref()
                && foreign.contains(&cn)
            {
                c.gaz = None;
                c.countries = vec![home.clone()];
                c.words = vec![fold(&c.surface)];
                continue;
            }
            let person = c.etype == EntityType::Person
                && (c.role.is_some() || domestic)
                && !serves_elsewhere.contains(&k)
                && !self.credit_sents.contains(&c.sent);
            let body = matches!(c.etype, EntityType::Organization | EntityType::Facility)
                && c.gaz.is_none()
                && (domestic || c.words.last().is_some_and(|w| lx::is_state_head(w)));
            // `Cowsweyne`, `Tessalit`: a place the data does not know, in a text about one
            // country, is in it.
            let place = matches!(c.etype, EntityType::Place | EntityType::Other)
                && c.gaz.is_none()
                && domestic;
            if person || body || place {
                c.home = Some(home.clone());
            }
        }
        // `President Hassan Sheikh Mohamud` in a text about Somalia: the head of state or a
        // minister the title names without a body is the home country's.
        // (A text that names its country a quarter more than any other will do here: the
        // title gives the person a public office, and the office is the country's.)
        let ahead = best >= 5 && 4 * best >= 5 * second;
        if (domestic || ahead)
            && let Some(country) = self.out.cands.iter().position(|c| {
                c.etype == EntityType::Country
                    && c.gaz.is_some_and(|e| g.entries[e as usize].name == home)
            })
        {
            let mut pairs: FxHashSet<(usize, usize)> = FxHashSet::default();
            for k in 0..self.out.cands.len() {
                let c = &self.out.cands[k];
                let Some(label) = c
                    .role
                    .as_deref()
                    .filter(|r| {
                        // `Prime Minister James Marape`, `Interior Minister Andrei Cojocaru`.
                        r.ends_with("minister")
                            || matches!(
                                *r,
                                "president" | "premier" | "chancellor" | "king" | "queen"
                            )
                    })
                    .map(lx::title_label)
                else {
                    continue;
                };
                // `Interior Minister Andrei Cojocaru told a news conference in Chisinau`: a
                // stated relation other than an office leaves the office to the country.
                if c.etype != EntityType::Person
                    || c.alias_of.is_some()
                    || c.home.as_deref() != Some(home.as_str())
                    || self
                        .out
                        .rels
                        .iter()
                        .any(|r| r.a == k && lx::is_affiliation_label(r.label))
                {
                    continue;
                }
                let sent = c.sent;
                relate(&mut self.out.rels, &mut pairs, (k, country), label, sent);
            }
        }
        self.out.home = Some(home);
    }

    /// `Kamala Perera … Perera's cousin`: a name of two or three words read as nothing, whose
    /// last word the text uses alone for a person, is that person's full name.
    fn people_by_surname(&mut self) {
        // (`Shrivastava said`, `represented Chkheidze`: a lone word the text has not typed
        // surely counts too, when it is no general knowledge and no head word.)
        let surnames: FxHashSet<String> = self
            .out
            .cands
            .iter()
            .filter(|c| {
                c.words.len() == 1
                    && !c.pronoun
                    && !c.acronym
                    && c.alias_of.is_none()
                    && c.gaz.is_none()
                    && (c.etype == EntityType::Person
                        || (matches!(c.etype, EntityType::Other | EntityType::Organization)
                            && !c.strong
                            && head_type(&c.words[0]).is_none()
                            && !lx::is_common_word(&c.words[0])))
            })
            .map(|c| c.words[0].clone())
            .collect();
        if surnames.is_empty() {
            return;
        }
        for c in &mut self.out.cands {
            if c.etype == EntityType::Other
                && c.gaz.is_none()
                && (2..=3).contains(&c.words.len())
                && c.words.last().is_some_and(|w| surnames.contains(w))
                && c.words
                    .iter()
                    .all(|w| head_type(w).is_none() && w.len() >= 2 && !lx::is_common_word(w))
                // `R-Tenn`, `Arresting González`: not a code or an opening verb.
                && c.surface.split_whitespace().count() == c.words.len()
                && !c.words[0].ends_with("ing")
                && !c.words[0].ends_with("ed")
                && !matches!(c.words[0].as_str(), "el" | "la" | "los" | "las" | "le" | "the")
            {
                c.etype = EntityType::Person;
            }
        }
    }

    /// Listed companies give their country to a body the text names by them. Towns the data
    /// does not look for in the text (`Harstad`, `Silchar`, `Ikere`) give their
    /// country to a place or body the text names by them (`in Harstad`, `Silchar railway
    /// station`), when the text names that country: a town name alone says too little (there
    /// are fourteen Victorias).
    fn data_countries(&mut self, weights: &[(String, usize)]) {
        let g = self.g;
        let pick = |name: &str| -> Option<String> {
            g.town_countries(name)?
                .filter_map(|cn| weights.iter().find(|(n, _)| n == cn))
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(n, _)| n.clone())
        };
        for c in &mut self.out.cands {
            if c.gaz.is_some() || !c.countries.is_empty() || c.etype == EntityType::Country {
                continue;
            }
            let multi = c.words.len() >= 2 && c.etype != EntityType::Other;
            let known_first = c.words.first().is_some_and(|w| g.may_be_town_or_company(w));
            if !multi && !known_first {
                continue;
            }
            // A listed company (`Siemens Healthineers`, `Nvidia`, `GE HealthCare`), wherever
            // the text is set; a name read as a person's only when it starts with no given name.
            let no_given_name = c
                .surface
                .split_whitespace()
                .next()
                .is_some_and(|w| !g.is_first_name(w));
            if known_first
                && (c.etype != EntityType::Person || no_given_name)
                && let Some(cn) = g.company_country(&c.surface)
            {
                c.countries.push(cn.to_owned());
                if matches!(c.etype, EntityType::Other | EntityType::Person) {
                    c.etype = EntityType::Organization;
                    c.role = None;
                }
                continue;
            }
            if c.acronym || c.etype == EntityType::Person {
                continue;
            }
            if let Some(cn) = known_first.then(|| pick(&c.surface)).flatten() {
                c.countries.push(cn);
                if c.etype == EntityType::Other {
                    c.etype = EntityType::Place;
                }
                continue;
            }
            if c.etype == EntityType::Other || c.surface.split_whitespace().count() < 2 {
                continue;
            }
            // `Silchar railway station`, `Port of Matarani`: a town inside the name; not a word
            // that is also a given name (`Franklin Templeton`) or a head (`Manda Bay`: `Bay`
            // is a town's other name too).
            let inner = c
                .surface
                .split(|ch: char| ch.is_whitespace() || ch == '-')
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter(|w| {
                    let f = fold(w);
                    g.may_be_town_or_company(&f)
                        && !g.is_first_name(w)
                        && !lx::is_common_word(&f)
                        && head_type(&f).is_none()
                })
                .find_map(pick);
            if let Some(cn) = inner {
                c.countries.push(cn);
            }
        }
    }

    /// The people of a byline or a wire credit write for the text's outlet, when the text
    /// names it (`By Miriam Hale | The Guardian`, `(Reporting by Samir Haddad …)` under a
    /// `(Reuters)` dateline).
    fn writers_for_outlet(&mut self) {
        let Some(outlet) = self.outlet_fold.as_deref() else {
            return;
        };
        let g = self.g;
        let cands = &self.out.cands;
        let Some(o) = cands.iter().position(|c| {
            c.alias_of.is_none()
                && (fold(&c.surface) == outlet
                    || c.gaz
                        .is_some_and(|e| fold(&g.entries[e as usize].name) == outlet))
        }) else {
            return;
        };
        let mut pairs = FxHashSet::default();
        let writers: Vec<(usize, u32)> = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.etype == EntityType::Person && self.byline_sents.contains(&c.sent))
            .map(|(i, c)| (i, c.sent))
            .collect();
        for (w, si) in writers {
            relate(&mut self.out.rels, &mut pairs, (w, o), "reporter for", si);
        }
    }

    fn push(&mut self, c: Cand) {
        for w in &c.words {
            if !self.name_words.contains(w) {
                self.name_words.insert(w.clone());
            }
        }
        self.out.cands.push(c);
    }

    /// Country hints from context, title links, relations and hedges of one sentence.
    fn post_sentence(&mut self, si: u32, first: usize, a: usize, b: usize, credit: bool) {
        let hedged = self.toks[a..b]
            .iter()
            .any(|t| t.is_word() && !t.cap && lx::is_hedge(t.text(self.text)));
        self.out.hedged.push(hedged);
        let end = self.out.cands.len();
        if end == first {
            return;
        }
        let g = self.g;
        let country_of = |c: &Cand| -> Option<String> {
            if c.etype == EntityType::Country {
                c.gaz.map(|e| g.entries[e as usize].name.clone())
            } else {
                c.countries.first().cloned()
            }
        };
        let mut pairs: FxHashSet<(usize, usize)> = FxHashSet::default();
        let mut companies: Vec<usize> = Vec::new();
        let mut promote: Vec<usize> = Vec::new();
        // Titles and roles before a person: `US President Donald Trump`, `Pentagon spokesman
        // Rob Lodewick`, `Army Major and …`.
        for c in first..end {
            let cand = &self.out.cands[c];
            if cand.etype != EntityType::Person || cand.alias_of.is_some() {
                continue;
            }
            let mut k = cand.t0;
            let mut hints = Vec::new();
            let mut links = Vec::new();
            let mut last_role: Option<String> = cand.role.clone();
            let mut topic = false;
            let mut steps = 0;
            while k > a && steps < 8 {
                steps += 1;
                let p = k - 1;
                if let Some(pc) = (first..c).rev().find(|&q| self.out.cands[q].t1 == p + 1) {
                    let pcand = &self.out.cands[pc];
                    // `Siemens Healthineers Chief Executive …`: a listed company.
                    let company = pcand.etype == EntityType::Other
                        && self.g.company_country(&pcand.surface).is_some();
                    if company {
                        companies.push(pc);
                    }
                    // `Turkana Governor Peter Lotukoi`, `Lima Mayor …`: a place's own office.
                    let local = pcand.etype == EntityType::Place
                        && last_role
                            .as_deref()
                            .is_some_and(|r| matches!(r, "governor" | "mayor" | "premier"));
                    if company
                        || local
                        || matches!(pcand.etype, EntityType::Country | EntityType::Organization)
                    {
                        if let Some(cn) = country_of(pcand) {
                            hints.push(cn);
                        }
                        let label = lx::title_label(last_role.as_deref().unwrap_or(""));
                        links.push((pc, label));
                        k = pcand.t0;
                        continue;
                    }
                    // `Dhaliwal's lawyer, Harjit Sandhu`, `Abeysekera's brother-in-law, Sunil
                    // Pathirana`: a role held for another person.
                    // (A lone surname is read as a person only when the names are merged.)
                    if matches!(pcand.etype, EntityType::Person | EntityType::Other)
                        && pcand.alias_of.is_none()
                        && self
                            .toks
                            .get(pcand.t1)
                            .is_some_and(|t| t.kind == Kind::Poss)
                        && let Some(role) = last_role.as_deref()
                    {
                        let label = lx::person_role_label(role);
                        // `Perera's cousin`: only a person has cousins.
                        if label != lx::title_label(role) && pcand.etype == EntityType::Other {
                            promote.push(pc);
                        }
                        links.push((pc, label));
                    }
                    break;
                }
                let t = self.toks[p];
                if !t.is_word() {
                    if (t.kind == Kind::Punct(',') && steps == 1) || t.kind == Kind::Poss {
                        // `Iran's foreign ministry spokesman Saeed Khatibzadeh`
                        k = p;
                        continue;
                    }
                    break;
                }
                // `brother-in-law`, `vice-president`: a hyphenated role is read whole.
                let mut s0 = p;
                while self.toks[s0].hyph && s0 > a && self.toks[s0 - 1].is_word() {
                    s0 -= 1;
                }
                let w = fold(&self.text[self.toks[s0].start as usize..t.end as usize]);
                let (p, t) = (s0, self.toks[s0]);
                let w = w.trim_end_matches('.');
                if lx::is_title(w) || lx::is_role_noun(w) {
                    last_role = Some(w.to_owned());
                } else if matches!(w, "its" | "their") && links.is_empty() && last_role.is_some() {
                    // `Its chief executive, Ingrid Sandberg`: the body this or the previous
                    // sentence is about.
                    let cands = &self.out.cands;
                    // A body, or a name of two words or more read as nothing else (`Hancock
                    // Prospecting`): what has a chief executive is a body.
                    let body = |q: &usize| {
                        let cd = &cands[*q];
                        cd.alias_of.is_none()
                            && (cd.etype == EntityType::Organization
                                || (cd.etype == EntityType::Other && cd.words.len() >= 2))
                    };
                    let owner = (first..c).find(body).or_else(|| {
                        let prev = (0..first).rev().take_while(|&q| cands[q].sent + 1 >= si);
                        prev.filter(|&q| cands[q].sent + 1 == si)
                            .filter(body)
                            .last()
                    });
                    if let Some(pc) = owner {
                        if cands[pc].etype == EntityType::Other {
                            companies.push(pc);
                        }
                        let label = lx::title_label(last_role.as_deref().unwrap_or(""));
                        links.push((pc, label));
                    }
                    break;
                } else if !t.cap
                    && links.is_empty()
                    && last_role.is_some()
                    && (lx::is_org_head(w) || lx::is_body_noun(w))
                    && let Some(pc) = self.body_by_head(w, c, si)
                {
                    // `ministry spokesman Lin Hao` after `China's Ministry of Commerce …`,
                    // `company spokeswoman …`: the body of that kind named last.
                    links.push((pc, lx::title_label(last_role.as_deref().unwrap_or(""))));
                    break;
                } else if !(lx::is_role_modifier(w)
                    || lx::is_state_head(w)
                    || matches!(
                        w,
                        "and" | "top" | "key" | "senior" | "former" | "then" | "the"
                    ))
                {
                    // `EU antitrust chief Teresa Ribera`: one lower-case word naming the
                    // field of the role.
                    let field = !t.cap
                        && !topic
                        && last_role.is_some()
                        && w.len() >= 4
                        && w.chars().all(|ch| ch.is_ascii_lowercase())
                        && !w.ends_with("ed")
                        && !w.ends_with("ing")
                        && !w.ends_with("ly")
                        && !lx::is_common_word(w)
                        && !lx::is_relation_word(w)
                        && !lx::is_speech_verb(w);
                    if !field {
                        break;
                    }
                    topic = true;
                }
                k = p;
            }
            // `Military spokesman Yahya Saree vowed …`, `Spokesman Senior Colonel Shi Yi said …`
            // after a sentence about the Houthis or the Eastern Theater Command: a sentence
            // opened by a spokesman's or commander's title and naming no body speaks of the
            // body the previous sentence named last.
            let t0 = self.out.cands[c].t0;
            let opened = (a..t0).all(|q| {
                let t = self.toks[q];
                !t.is_word() || {
                    let w = fold(t.text(self.text));
                    let w = w.trim_end_matches('.');
                    lx::is_title(w)
                        || lx::is_role_noun(w)
                        || lx::is_role_modifier(w)
                        || matches!(w, "senior" | "top" | "chief")
                }
            });
            let affiliation = last_role.as_deref().is_some_and(|r| {
                matches!(
                    lx::title_label(r),
                    "spokesman for" | "head of" | "founder of" | "serves in"
                )
            });
            if links.is_empty() && opened && affiliation && t0 > a {
                let cands = &self.out.cands;
                let body = |q: &usize| cands[*q].etype == EntityType::Organization;
                let here = (first..end).any(|q| q != c && body(&q));
                let owner = (0..first)
                    .rev()
                    .take_while(|&q| cands[q].sent + 1 >= si)
                    .filter(|&q| cands[q].sent + 1 == si && cands[q].alias_of.is_none())
                    .find(body);
                if let (false, Some(pc)) = (here, owner) {
                    links.push((pc, lx::title_label(last_role.as_deref().unwrap_or(""))));
                }
            }
            for (pc, label) in links {
                relate(&mut self.out.rels, &mut pairs, (c, pc), label, si);
            }
            self.out.cands[c].countries.extend(hints);
        }
        for pc in companies {
            self.out.cands[pc].etype = EntityType::Organization;
        }
        for pc in promote {
            self.out.cands[pc].etype = EntityType::Person;
        }
        // `Ribera, a former Spanish environment minister`: a demonym before the role in an
        // apposition gives the person's country.
        for c in first..end {
            let t1 = self.out.cands[c].t1;
            // (`Ribera` alone is read as a person when merged with `Teresa Ribera`.)
            if !matches!(
                self.out.cands[c].etype,
                EntityType::Person | EntityType::Other
            ) || self.out.cands[c].alias_of.is_some()
                || self.punct_at(t1, b) != Some(',')
                || t1 + 1 >= b
                || !matches!(self.word(t1 + 1), "a" | "an" | "the")
            {
                continue;
            }
            let Some(d) = (c + 1..end).find(|&d| {
                let cd = &self.out.cands[d];
                cd.t0 > t1 + 1 && cd.t0 <= t1 + 4 && cd.etype == EntityType::Country && cd.demonym
            }) else {
                continue;
            };
            let dt1 = self.out.cands[d].t1;
            let role = (dt1..(dt1 + 3).min(b)).any(|k| {
                let tk = self.toks[k];
                tk.is_word() && !tk.cap && {
                    let w = self.word(k);
                    lx::is_role_noun(w) || lx::is_title(w)
                }
            });
            let between = (t1 + 2..self.out.cands[d].t0).all(|k| {
                let tk = self.toks[k];
                tk.is_word() && !tk.cap && lx::is_role_modifier(&fold(self.word(k)))
            });
            if role
                && between
                && let Some(cn) = country_of(&self.out.cands[d])
            {
                self.out.cands[c].add_country(cn);
            }
        }
        // `BaFin, Germany's financial regulator`, `Daniel Ek, Spotify's founder`.
        for c in first..end {
            let t1 = self.out.cands[c].t1;
            if self.out.cands[c].etype == EntityType::Country
                || self.out.cands[c].alias_of.is_some()
                || self.punct_at(t1, b) != Some(',')
            {
                continue;
            }
            let mut t = t1 + 1;
            if t < b && self.toks[t].is_word() && self.word(t) == "the" {
                t += 1;
            }
            // `Teresa Ribera, the commission's executive vice-president`: the body of that
            // kind named before.
            if self.out.cands[c].etype == EntityType::Person
                && t + 2 < b
                && self.toks[t].is_word()
                && !self.toks[t].cap
                && self.toks[t + 1].kind == Kind::Poss
                && lx::is_org_head(self.word(t))
                && let Some(role) = (t + 2..(t + 5).min(b))
                    .filter(|&k| self.toks[k].is_word())
                    .map(|k| self.word(k))
                    .find(|w| lx::is_title(w) || lx::is_role_noun(w))
                && let Some(body) = self.body_by_head(self.word(t), c, si)
            {
                relate(
                    &mut self.out.rels,
                    &mut pairs,
                    (c, body),
                    lx::title_label(role),
                    si,
                );
                continue;
            }
            let Some(d) = (c + 1..end).find(|&d| self.out.cands[d].t0 == t) else {
                continue;
            };
            let dt1 = self.out.cands[d].t1;
            if dt1 >= b || self.toks[dt1].kind != Kind::Poss {
                continue;
            }
            // The noun that says what `c` is: within three lower-case words.
            let mut noun: Option<&str> = None;
            for k in dt1 + 1..(dt1 + 4).min(b) {
                let tk = self.toks[k];
                if !tk.is_word() || tk.cap {
                    break;
                }
                let w = self.word(k);
                if lx::is_role_noun(w) || lx::is_title(w) || lx::is_body_noun(w) {
                    noun = Some(w);
                }
            }
            let Some(noun) = noun else {
                continue;
            };
            // `Dmitry Peskov, Vladimir Putin's spokesman`: a role makes a person.
            if self.out.cands[c].etype == EntityType::Other
                && !lx::is_body_noun(noun)
                && self.out.cands[c].words.len() >= 2
            {
                self.out.cands[c].etype = EntityType::Person;
                self.out.cands[c].role = Some(noun.to_owned());
            }
            let person = self.out.cands[c].etype == EntityType::Person;
            if !person && lx::is_body_noun(noun) && self.out.cands[c].etype == EntityType::Other {
                self.out.cands[c].etype = EntityType::Organization;
            }
            if let Some(cn) = country_of(&self.out.cands[d]) {
                self.out.cands[c].add_country(cn);
            }
            if person && self.out.cands[d].etype != EntityType::Country {
                relate(
                    &mut self.out.rels,
                    &mut pairs,
                    (c, d),
                    lx::title_label(noun),
                    si,
                );
            }
        }
        // `the Syrian port of Baniyas`, `the city of Kisumu`: a place by its kind.
        for c in first..end {
            let t0 = self.out.cands[c].t0;
            if !matches!(
                self.out.cands[c].etype,
                EntityType::Other | EntityType::Place
            ) || t0 < a + 2
                || self.word(t0 - 1) != "of"
                || !self.toks[t0 - 2].is_word()
                || !matches!(
                    self.word(t0 - 2),
                    "port"
                        | "city"
                        | "town"
                        | "village"
                        | "province"
                        | "region"
                        | "district"
                        | "island"
                        | "islands"
                        | "state"
                        | "county"
                        | "capital"
                        | "enclave"
                        | "governorate"
                )
            {
                continue;
            }
            self.out.cands[c].etype = EntityType::Place;
            let owner = (first..c).rev().find(|&d| self.out.cands[d].t1 == t0 - 2);
            if let Some(d) = owner
                && self.out.cands[d].demonym
                && let Some(cn) = country_of(&self.out.cands[d])
            {
                self.out.cands[c].add_country(cn);
            }
        }
        // `the Dutch consumer group ACM`, `German carmaker Volkswagen`.
        for d in first..end {
            let dc = &self.out.cands[d];
            if !dc.demonym {
                continue;
            }
            let mut k = dc.t1;
            let mut body = false;
            while k < b && k < dc.t1 + 3 && self.toks[k].is_word() && !self.toks[k].cap {
                body |= lx::is_body_noun(self.word(k));
                k += 1;
            }
            if !body {
                continue;
            }
            let Some(c) = (d + 1..end).find(|&c| self.out.cands[c].t0 == k) else {
                continue;
            };
            if !matches!(
                self.out.cands[c].etype,
                EntityType::Organization | EntityType::Other
            ) {
                continue;
            }
            let Some(cn) = country_of(&self.out.cands[d]) else {
                continue;
            };
            self.out.cands[c].etype = EntityType::Organization;
            self.out.cands[c].add_country(cn);
        }
        // `the Mogadishu-based Hiraal Institute`: a body based in a known place is in its
        // country, and based there.
        for c in first..end {
            let t0 = self.out.cands[c].t0;
            if t0 < 2
                || self.out.cands[c].etype == EntityType::Person
                || !(self.toks[t0 - 1].hyph && self.word(t0 - 1) == "based")
            {
                continue;
            }
            let Some(d) = (first..c).rev().find(|&d| {
                self.out.cands[d].t1 == t0 - 1
                    && matches!(
                        self.out.cands[d].etype,
                        EntityType::Place | EntityType::Country
                    )
            }) else {
                continue;
            };
            if self.out.cands[c].countries.is_empty()
                && let Some(cn) = country_of(&self.out.cands[d])
            {
                self.out.cands[c].add_country(cn);
            }
            relate(&mut self.out.rels, &mut pairs, (c, d), "based in", si);
        }
        // `the blockchain analytics firm Elliptic`, `Sky Mavis, the Vietnam-based company`:
        // a common noun for a body names what the next (or previous) name is.
        for c in first..end {
            // A name read as a person only for its first word (`Sky Mavis`, `Ocean Glory`)
            // yields to what the text calls it.
            let weak_person = self.out.cands[c].etype == EntityType::Person
                && self.out.cands[c].role.is_none()
                && !self.apposition_role(self.out.cands[c].t1, b);
            if self.out.cands[c].etype != EntityType::Other && !weak_person {
                continue;
            }
            let t0 = self.out.cands[c].t0;
            if t0 > a && self.toks[t0 - 1].is_word() && lx::is_vessel_noun(self.word(t0 - 1)) {
                // `the Panama-flagged tanker Ocean Glory`
                self.out.cands[c].etype = EntityType::Facility;
                continue;
            }
            let mut k = t0;
            let mut body = false;
            while k > a && t0 - k < 4 {
                let tk = self.toks[k - 1];
                if !tk.is_word() || tk.cap {
                    break;
                }
                let w = self.word(k - 1);
                if matches!(w, "the" | "a" | "an") {
                    break;
                }
                body |= k == t0 && lx::is_body_noun(w);
                k -= 1;
            }
            let det = k > a && matches!(self.word(k - 1), "the" | "a" | "an");
            // After the name: `, the Vietnam-based company` / `, a Swedish company`.
            let t1 = self.out.cands[c].t1;
            let mut after = false;
            let mut based: Option<usize> = None;
            if self.punct_at(t1, b) == Some(',')
                && t1 + 1 < b
                && matches!(self.word(t1 + 1), "the" | "a" | "an")
            {
                let mut k = t1 + 2;
                while k < b && k < t1 + 7 {
                    let tk = self.toks[k];
                    // `, a senior figure in the group's …`: the noun after a preposition
                    // describes something else.
                    if tk.is_word()
                        && matches!(self.word(k), "in" | "of" | "at" | "for" | "with" | "from")
                    {
                        break;
                    }
                    if tk.is_word() && !tk.cap && lx::is_body_noun(self.word(k)) {
                        after = true;
                        break;
                    }
                    if tk.is_word() && tk.cap {
                        based = based.or_else(|| (c + 1..end).find(|&d| self.out.cands[d].t0 == k));
                    }
                    k += 1;
                }
            }
            if (body && det) || after {
                self.out.cands[c].etype = EntityType::Organization;
                if after
                    && let Some(d) = based
                    && let Some(cn) = country_of(&self.out.cands[d])
                {
                    self.out.cands[c].add_country(cn);
                }
            }
        }
        // `Bagram Air Field in Afghanistan`, `The Sunday Times in the U.K.`, `Iran's Quds Force`.
        for c in first..end {
            let cand = &self.out.cands[c];
            let Some(d) = (c + 1..end).find(|&d| self.out.cands[d].t0 >= cand.t1) else {
                continue;
            };
            let next = &self.out.cands[d];
            let between: Vec<&str> = (cand.t1..next.t0).map(|k| self.word(k)).collect();
            let located = matches!(
                cand.etype,
                EntityType::Organization | EntityType::Facility | EntityType::Place
            ) && cand
                .gaz
                .is_none_or(|e| self.g.entries[e as usize].kind != EntityType::Country)
                && matches!(next.etype, EntityType::Country | EntityType::Place)
                && (between == ["in"] || between == ["in", "the"] || between == [","]);
            // `North Korea's state news agency KCNA`, `Kenya's anti-graft agency EACC`: the
            // words between describe the body.
            let described = cand.t1 + 2 < next.t0
                && next.t0 - cand.t1 <= 5
                && (cand.t1 + 1..next.t0).all(|k| {
                    let t = self.toks[k];
                    t.is_word() && (!t.cap || t.hyph)
                })
                && lx::is_body_noun(self.word(next.t0 - 1));
            let poss =
                (next.t0 == cand.t1 + 1 || described) && self.toks[cand.t1].kind == Kind::Poss;
            // `Denmark's Maersk`, `Russia's Putin`, `Iran's Quds Force`.
            let poss_hint = (poss
                && cand.etype == EntityType::Country
                && next.etype != EntityType::Country
                && next.countries.is_empty())
            .then(|| country_of(cand))
            .flatten();
            if located && !cand.demonym {
                if let Some(cn) = country_of(next) {
                    self.out.cands[c].countries.push(cn);
                }
                relate(&mut self.out.rels, &mut pairs, (c, d), "located in", si);
            }
            if let Some(cn) = poss_hint {
                self.out.cands[d].countries.push(cn);
            }
        }
        // `Nordvik, which is based in Stockholm`, `a Berlin-based …` is left alone.
        for c in first..end {
            if !matches!(
                self.out.cands[c].etype,
                EntityType::Organization | EntityType::Other | EntityType::Facility
            ) {
                continue;
            }
            let t1 = self.out.cands[c].t1;
            let Some(d) = (c + 1..end).find(|&d| self.out.cands[d].t0 >= t1) else {
                continue;
            };
            let t0 = self.out.cands[d].t0;
            if t0 - t1 > 6
                || !matches!(
                    self.out.cands[d].etype,
                    EntityType::Place | EntityType::Country
                )
            {
                continue;
            }
            let between: Vec<&str> = (t1..t0).map(|k| self.word(k)).collect();
            let based = between.windows(2).any(|w| {
                matches!(
                    w[0],
                    "based" | "headquartered" | "registered" | "incorporated"
                ) && w[1] == "in"
            });
            if based {
                // Only a body is based, headquartered or registered somewhere.
                if self.out.cands[c].etype == EntityType::Other {
                    self.out.cands[c].etype = EntityType::Organization;
                }
                if let Some(cn) = country_of(&self.out.cands[d]) {
                    self.out.cands[c].countries.push(cn);
                }
                relate(&mut self.out.rels, &mut pairs, (c, d), "based in", si);
            }
        }
        // Credits: `Photo by OLIVIER DOULIERY/AFP`, `AP Photo/Mark Schiefelbein`.
        if credit {
            for c in first..end {
                if self.out.cands[c].etype != EntityType::Person {
                    continue;
                }
                let (t0, t1) = (self.out.cands[c].t0, self.out.cands[c].t1);
                let after = (c + 1..end).find(|&d| {
                    let dc = &self.out.cands[d];
                    dc.t0 == t1 + 1 && self.punct_at(t1, b) == Some('/')
                });
                let before = (first..c).rev().find(|&d| {
                    let dc = &self.out.cands[d];
                    dc.t1 < t0
                        && (dc.t1..t0).all(|k| {
                            self.punct_at(k, b) == Some('/')
                                || (self.toks[k].is_word() && is_credit_word(self.word(k)))
                        })
                        && (dc.t1..t0).any(|k| self.punct_at(k, b) == Some('/'))
                });
                if let Some(d) = after.or(before)
                    && self.out.cands[d].etype == EntityType::Organization
                {
                    if let Some(cn) = self.out.cands[d].countries.first().cloned() {
                        self.out.cands[c].countries.push(cn);
                    }
                    relate(
                        &mut self.out.rels,
                        &mut pairs,
                        (c, d),
                        "photographer for",
                        si,
                    );
                }
            }
        }
        // Relation words between two names.
        let mut has_pay = false;
        for p in a..b {
            let t = self.toks[p];
            if !t.is_word() || t.cap {
                continue;
            }
            let w = self.word(p);
            let next = if p + 1 < b { self.word(p + 1) } else { "" };
            let Some((mut label, _)) = lx::relation(w, next) else {
                continue;
            };
            // `troops can take the lead`: a noun, not a verb.
            if label == "leads" && p > a && matches!(self.word(p - 1), "the" | "a") {
                continue;
            }
            // `The Piraeus-based company says …`: a name in a compound describes the subject;
            // it is not one.
            let subj = (first..end).rev().find(|&c| {
                let cd = &self.out.cands[c];
                cd.t1 <= p
                    && p - cd.t1 <= 12
                    && cd.alias_of.is_none()
                    && !self.toks.get(cd.t1).is_some_and(|n| {
                        n.hyph && n.is_word() && lx::is_compound_tail(n.text(self.text))
                    })
            });
            let obj = (first..end).find(|&c| {
                let cd = &self.out.cands[c];
                cd.t0 > p && cd.t0 - p <= 12 && cd.alias_of.is_none()
            });
            let (Some(mut s), Some(mut o)) = (subj, obj) else {
                continue;
            };
            // `"…," said Mohamed Abdi Farah`: the speaker follows the verb; the names before it
            // are in the quote.
            if label == "said to" && self.out.cands[o].t0 == p + 1 {
                continue;
            }
            // `ministry spokesman Lin Hao`: a title right before a person is read with the
            // person (the walk over titles above), not as a relation between the names around.
            if self.out.cands[o].t0 == p + 1
                && self.out.cands[o].etype == EntityType::Person
                && (lx::is_title(w) || lx::is_role_noun(w))
            {
                continue;
            }
            let oc = &self.out.cands[o];
            if oc.t1 < b
                && self.toks[oc.t1].kind == Kind::Poss
                && let Some(o2) = (o + 1..end).find(|&c| self.out.cands[c].t0 == oc.t1 + 1)
            {
                o = o2;
            }
            // `an analyst at the Mogadishu-based Hiraal Institute`: the place describes the
            // object.
            if self
                .toks
                .get(self.out.cands[o].t1)
                .is_some_and(|n| n.hyph && n.is_word() && lx::is_compound_tail(n.text(self.text)))
                && let Some(o2) = (o + 1..end).find(|&c| {
                    let cd = &self.out.cands[c];
                    cd.t0 > self.out.cands[o].t1 && cd.t0 - self.out.cands[o].t1 <= 3
                })
            {
                o = o2;
            }
            // `killed top Iranian commander Qasem Soleimani`: the demonym describes the object.
            if self.out.cands[o].demonym
                && let Some(o2) = (o + 1..end).find(|&c| {
                    let cd = &self.out.cands[c];
                    cd.t0 > self.out.cands[o].t1 && cd.t0 - self.out.cands[o].t1 <= 2
                })
            {
                o = o2;
            }
            if next == "by" {
                std::mem::swap(&mut s, &mut o);
            }
            // `The former chairman of the Sri Lanka Ports Authority (SLPA), Ranjith
            // Abeysekera, went …`: the role is the person's set off after the body.
            if (lx::is_title(w) || lx::is_role_noun(w))
                && (p.saturating_sub(3).max(a)..p)
                    .any(|q| matches!(self.word(q), "the" | "The" | "a" | "A" | "an" | "An"))
            {
                let ot1 = self.out.cands[o].t1;
                if let Some(q) = (o + 1..end).find(|&q| {
                    let cq = &self.out.cands[q];
                    cq.alias_of.is_none()
                        && cq.t0 > ot1
                        && cq.t0 - ot1 <= 4
                        && cq.etype == EntityType::Person
                        && self.punct_at(cq.t0 - 1, b) == Some(',')
                }) {
                    s = q;
                }
            }
            if matches!(label, "paid" | "offered") {
                has_pay = true;
                let bounty = (p + 1..(p + 8).min(b)).any(|k| self.word(k).starts_with("bount"));
                if bounty {
                    label = if label == "paid" {
                        "paid bounties to"
                    } else {
                        "offered bounties to"
                    };
                }
            }
            if label == "bounties to" && has_pay {
                continue;
            }
            if s != o && !pairs.contains(&(o, s)) {
                // `Helen Wragg, a spokeswoman for Marlowe`: a person's role is held in a body.
                // Not a piece of a longer name the chunker split (`Causa en Común`).
                let ot1 = self.out.cands[o].t1;
                let cap_at = |k: usize| k < b && self.toks[k].is_word() && self.toks[k].cap;
                let piece = cap_at(ot1) || (ot1 < b && self.toks[ot1].is_word() && cap_at(ot1 + 1));
                if (lx::is_affiliation_word(w) || label == "spokesman for")
                    && !piece
                    && self.out.cands[s].etype == EntityType::Person
                    && self.out.cands[o].etype == EntityType::Other
                {
                    self.out.cands[o].etype = EntityType::Organization;
                }
                relate(&mut self.out.rels, &mut pairs, (s, o), label, si);
            }
        }
    }
}

fn surface_fold(s: &str) -> String {
    let f = fold(s);
    f.strip_prefix("the ").map(str::to_owned).unwrap_or(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_words_link_the_names_around_them() {
        let doc = crate::corpus::document_from_text(
            "d",
            "d.txt",
            "Iran paid the Taliban to attack US soldiers.".to_owned(),
        );
        let out = analyze(&doc);
        let names: Vec<&str> = out.cands.iter().map(|c| c.surface.as_str()).collect();
        assert_eq!(names, ["Iran", "Taliban", "US"]);
        let rels: Vec<(&str, &str, &str)> = out
            .rels
            .iter()
            .map(|r| (names[r.a], r.label, names[r.b]))
            .collect();
        assert!(rels.contains(&("Iran", "paid", "Taliban")), "{rels:?}");
    }
}
