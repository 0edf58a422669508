//! General-knowledge data: countries (names, aliases, demonyms, capitals), major cities and US
//! states, first-level regions (ISO 3166-2), towns and listed companies (asked about, not
//! looked for), well-known
//! bodies and regions, and common first names. Loaded once from the files in
//! `assets/gazetteer/` (compiled in), see `tools/gazetteer.py` for where they come from.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::EntityType;

use super::lexicon;

const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.tsv");
const CITIES: &str = include_str!("../../assets/gazetteer/cities.tsv");
const INSTITUTIONS: &str = include_str!("../../assets/gazetteer/institutions.tsv");
const REGIONS: &str = include_str!("../../assets/gazetteer/regions.tsv");
const FIRST_NAMES: &str = include_str!("../../assets/gazetteer/first_names.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/gazetteer/given_names.txt");
const TOWNS: &str = include_str!("../../assets/gazetteer/towns.tsv");
const COMPANIES: &str = include_str!("../../assets/gazetteer/companies.tsv");

/// Everyday short forms of country names that the data leaves out (two-letter forms are dropped
/// there because most are English words).
const EXTRA_COUNTRY_ALIASES: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "US",
            "U.S.",
            "U.S",
            "USA",
            "U.S.A.",
            "America",
            "United States",
        ],
    ),
    (
        "United Kingdom",
        &["UK", "U.K.", "Britain", "Great Britain"],
    ),
    ("China", &["PRC", "Mainland China"]),
    ("United Arab Emirates", &["UAE", "U.A.E.", "Emirates"]),
    ("North Korea", &["DPRK"]),
    ("DR Congo", &["DRC"]),
    ("Netherlands", &["Holland"]),
    ("Czechia", &["Czech Republic"]),
];

/// Countries whose name in the data is not the one English-language news and analysts use
/// (the data's name stays an alias): `Côte d'Ivoire` as the UN writes it; `Turkey` and `Czech
/// Republic`, which news still writes far more than the data's `Türkiye` and `Czechia`.
const PREFERRED_COUNTRY_NAMES: &[(&str, &str)] = &[
    ("Ivory Coast", "Côte d'Ivoire"),
    ("Türkiye", "Turkey"),
    ("Czechia", "Czech Republic"),
];

fn preferred_country_name(name: &str) -> &str {
    PREFERRED_COUNTRY_NAMES
        .iter()
        .find(|(data, _)| *data == name)
        .map_or(name, |(_, preferred)| preferred)
}

/// How a surface form names a gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Name,
    /// `Iranian`, `Americans`: an adjective or people of a country.
    Demonym,
    /// A name every country uses for its own body (`Supreme Court`, `Senate`, `Coast Guard`),
    /// written `~Name` in the data: it names the entry only in a text about that entry's country.
    Generic,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub name: String,
    pub kind: EntityType,
    pub country: Option<String>,
    /// A state, province or region (ISO 3166-2), not a city: some are everyday words
    /// (`Maritime`, `Plateaux`), so they do not give a country to a body named with them.
    pub region: bool,
    /// A news outlet or agency (`Reuters`, `Al Jazeera`).
    pub outlet: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub entry: u32,
    pub form: Form,
}

#[derive(Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Case-sensitive forms (acronyms like `US`, `CIA`, `AP`).
    exact: FxHashMap<String, Hit>,
    /// Lower-cased, apostrophe-normalised forms of names.
    folded: FxHashMap<String, Hit>,
    /// Lower-cased first words of names of two or more words.
    multi_first: FxHashSet<String>,
    pub first_names: FxHashSet<String>,
    /// Country name → index of its entry.
    country_index: FxHashMap<String, u32>,
    /// Folded town name → the countries of the towns so named (GeoNames, 15,000 people or
    /// more): not looked for in the text, only asked about names found otherwise.
    towns: FxHashMap<String, Box<[u32]>>,
    /// `company_key` of a listed company's name → its country's entry (asked about, not
    /// looked for: `Apple`, `Target` are words too).
    companies: FxHashMap<String, u32>,
    /// First words of the town and company names: most names are neither, and this answers
    /// that without building their keys.
    town_or_company_first: FxHashSet<String>,
}

/// A company's name without its legal form: `Apple Inc.`, `ASML Holding N.V.` and `Siemens AG`
/// → `apple`, `asml`, `siemens`.
pub fn company_key(name: &str) -> String {
    const FORMS: &[&str] = &[
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "ag",
        "se",
        "nv",
        "n.v",
        "sa",
        "s.a",
        "ltd",
        "limited",
        "llc",
        "holding",
        "holdings",
        "group",
        "kgaa",
        "asa",
        "ab",
        "oyj",
        "spa",
        "s.p.a",
        "&",
    ];
    let f = fold(name);
    let mut words: Vec<&str> = f
        .split(' ')
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| FORMS.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Lower-case, `’` → `'`, runs of white space → one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The leading letters and digits of a folded form: the key under which names of several
/// words are looked for (`u.s. army` → `u`, `people's republic` → `people`).
pub fn first_key(folded: &str) -> &str {
    let end = folded
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(folded.len());
    &folded[..end]
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 1 && s.chars().all(|c| !c.is_lowercase()) && s.chars().any(|c| c.is_uppercase())
}

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    fn add_entry(&mut self, name: &str, kind: EntityType, country: Option<&str>) -> u32 {
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            name: name.to_owned(),
            kind,
            country: country
                .filter(|c| !c.is_empty())
                .map(|c| preferred_country_name(c).to_owned()),
            region: false,
            outlet: false,
        });
        id
    }

    /// Register a surface form; the first registration of a form wins.
    fn add_form(&mut self, form: &str, hit: Hit) {
        let form = form.trim();
        if form.is_empty() {
            return;
        }
        if is_acronym(form) && form.chars().filter(|c| c.is_alphabetic()).count() <= 5 {
            self.exact.entry(form.to_owned()).or_insert(hit);
            return;
        }
        let f = fold(form);
        if f.contains([' ', '-', '\'']) {
            self.multi_first.insert(first_key(&f).to_owned());
        }
        self.folded.entry(f).or_insert(hit);
    }

    fn load() -> Gazetteer {
        let mut g = Gazetteer::default();
        let data_lines = |s: &'static str| {
            s.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        };
        // Countries first: their names win over any city or body of the same name.
        // UN members first, so that `American` is the United States, not American Samoa.
        let mut capitals: Vec<(String, String)> = Vec::new();
        let mut rows: Vec<Vec<&str>> = data_lines(COUNTRIES)
            .map(|l| l.split('\t').collect())
            .collect();
        rows.sort_by_key(|f| f.get(5) != Some(&"1"));
        for f in rows {
            let [name, _cca2, aliases, demonyms, caps, _un] = f[..] else {
                continue;
            };
            let preferred = preferred_country_name(name);
            let id = g.add_entry(preferred, EntityType::Country, None);
            g.country_index.insert(name.to_owned(), id);
            g.country_index.insert(preferred.to_owned(), id);
            g.add_form(
                preferred,
                Hit {
                    entry: id,
                    form: Form::Name,
                },
            );
            let hit = Hit {
                entry: id,
                form: Form::Name,
            };
            g.add_form(name, hit);
            for a in aliases.split(';') {
                g.add_form(a, hit);
            }
            let dem = Hit {
                entry: id,
                form: Form::Demonym,
            };
            for d in demonyms.split(';').filter(|d| !d.is_empty()) {
                g.add_form(d, dem);
                // Plural people: Iranians, Afghans, Americans (not Chinese, not British).
                if !d.ends_with("ese")
                    && !d.ends_with("sh")
                    && !d.ends_with("ch")
                    && !d.ends_with('s')
                {
                    g.add_form(&format!("{d}s"), dem);
                }
                // `Kazakh`, `Uzbek`, `Tajik`: the short demonym of a `-stan` country beside the
                // data's `Kazakhstani` (not `Pak`).
                if let Some(stem) = d
                    .strip_suffix("istani")
                    .or_else(|| d.strip_suffix("stani"))
                    .filter(|s| s.chars().count() >= 4)
                {
                    g.add_form(stem, dem);
                    g.add_form(&format!("{stem}s"), dem);
                }
            }
            for c in caps.split(';').filter(|c| !c.is_empty()) {
                capitals.push((c.to_owned(), name.to_owned()));
            }
        }
        for (country, extra) in EXTRA_COUNTRY_ALIASES {
            if let Some(&id) = g.country_index.get(*country) {
                for a in *extra {
                    g.add_form(
                        a,
                        Hit {
                            entry: id,
                            form: Form::Name,
                        },
                    );
                }
            }
        }
        // Well-known bodies and regions.
        let mut news = false;
        for line in INSTITUTIONS.lines() {
            if let Some(section) = line.strip_prefix("# ---") {
                news = section.contains("news");
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let Some(kind) = EntityType::parse(f[1].trim()) else {
                continue;
            };
            let country = Some(f[2].trim()).filter(|c| !c.is_empty());
            let id = g.add_entry(f[0].trim(), kind, country);
            g.entries[id as usize].outlet = news;
            let hit = Hit {
                entry: id,
                form: Form::Name,
            };
            g.add_form(f[0], hit);
            for a in f.get(3).copied().unwrap_or("").split(';') {
                match a.trim().strip_prefix('~') {
                    Some(generic) => g.add_form(
                        generic,
                        Hit {
                            form: Form::Generic,
                            ..hit
                        },
                    ),
                    None => g.add_form(a, hit),
                }
            }
        }
        // Capitals and major cities, US states. Names that are everyday words are left out.
        for (city, country) in capitals {
            if !lexicon::is_common_word(&fold(&city)) {
                let id = g.add_entry(&city, EntityType::Place, Some(&country));
                g.add_form(
                    &city,
                    Hit {
                        entry: id,
                        form: Form::Name,
                    },
                );
            }
        }
        for line in data_lines(CITIES) {
            let f: Vec<&str> = line.split('\t').collect();
            let [name, country, _pop, _kind] = f[..] else {
                continue;
            };
            if lexicon::is_common_word(&fold(name)) || g.folded.contains_key(&fold(name)) {
                continue;
            }
            let id = g.add_entry(name, EntityType::Place, Some(country));
            g.add_form(
                name,
                Hit {
                    entry: id,
                    form: Form::Name,
                },
            );
        }
        // States, provinces and regions (ISO 3166-2): `Queensland`, `Helmand`, `Ontario`.
        for line in data_lines(REGIONS) {
            let Some((name, country)) = line.split_once('\t') else {
                continue;
            };
            if lexicon::is_common_word(&fold(name)) || g.folded.contains_key(&fold(name)) {
                continue;
            }
            let id = g.add_entry(name, EntityType::Place, Some(country.trim()));
            g.entries[id as usize].region = true;
            let hit = Hit {
                entry: id,
                form: Form::Name,
            };
            g.add_form(name, hit);
            // `Ekiti State`, `Sinaloa state`, `Helmand province` name the region itself.
            for kind in ["State", "Province", "Region"] {
                g.add_form(&format!("{name} {kind}"), hit);
            }
        }
        g.towns.reserve(TOWNS.len() / 20);
        for line in data_lines(TOWNS) {
            let Some((name, countries)) = line.split_once('\t') else {
                continue;
            };
            let ids: Box<[u32]> = countries
                .trim()
                .split(';')
                .filter_map(|c| g.country_index.get(c).copied())
                .collect();
            if !ids.is_empty() {
                let key = fold(name);
                g.town_or_company_first
                    .insert(key.split(' ').next().unwrap_or("").to_owned());
                g.towns.insert(key, ids);
            }
        }
        let mut ambiguous: FxHashSet<String> = FxHashSet::default();
        for line in data_lines(COMPANIES) {
            let Some((name, country)) = line.split_once('\t') else {
                continue;
            };
            let Some(&id) = g.country_index.get(country.trim()) else {
                continue;
            };
            let key = company_key(name);
            if key.len() < 3 || ambiguous.contains(&key) {
                continue;
            }
            match g.companies.get(&key) {
                Some(&other) if other != id => {
                    g.companies.remove(&key);
                    ambiguous.insert(key);
                }
                Some(_) => {}
                None => {
                    g.town_or_company_first
                        .insert(key.split(' ').next().unwrap_or("").to_owned());
                    g.companies.insert(key, id);
                }
            }
        }
        for line in data_lines(FIRST_NAMES).chain(data_lines(GIVEN_NAMES)) {
            let n = line.trim();
            if !lexicon::is_common_word(&n.to_lowercase()) {
                g.first_names.insert(n.to_owned());
            }
        }
        g
    }

    /// Look up a form as written (`text` is the source slice, possibly several words).
    pub fn lookup(&self, text: &str) -> Option<Hit> {
        let acronym = is_acronym(text);
        if acronym && let Some(h) = self.exact.get(text) {
            return Some(*h);
        }
        if acronym && text.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
            // Short all-caps words only match case-sensitively (`US`, not `Us`; `WHO` ≠ `Who`).
            return None;
        }
        self.folded.get(&fold(text)).copied()
    }

    /// May a name of several words start with this (lower-cased) word?
    pub fn starts_multi(&self, folded_word: &str) -> bool {
        self.multi_first.contains(first_key(folded_word))
    }

    pub fn entry(&self, hit: Hit) -> &Entry {
        &self.entries[hit.entry as usize]
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// The outlet a name stands for (`AP` → `Associated Press`), when it is a known one.
    pub fn outlet(&self, name: &str) -> Option<&str> {
        let e = self.entry(self.lookup(name.trim())?);
        e.outlet.then_some(e.name.as_str())
    }

    /// The countries of the towns called `name` (`Harstad` → Norway; `Victoria` → fourteen).
    pub fn town_countries(&self, name: &str) -> Option<impl Iterator<Item = &str>> {
        let ids = self.towns.get(&fold(name))?;
        Some(ids.iter().map(|&i| self.entries[i as usize].name.as_str()))
    }

    /// May a name starting with this folded word be a town or a listed company?
    pub fn may_be_town_or_company(&self, first_folded_word: &str) -> bool {
        self.town_or_company_first.contains(first_folded_word)
    }

    /// The country of the listed company called `name` (`Siemens AG` → Germany).
    pub fn company_country(&self, name: &str) -> Option<&str> {
        let id = *self.companies.get(&company_key(name))?;
        Some(self.entries[id as usize].name.as_str())
    }

    /// The gazetteer entry of a country by canonical name.
    pub fn country(&self, name: &str) -> Option<&Entry> {
        self.country_index
            .get(name)
            .map(|&i| &self.entries[i as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_countries_demonyms_cities_and_bodies() {
        let g = Gazetteer::get();
        let name = |s: &str| g.lookup(s).map(|h| g.entry(h).name.clone());
        assert_eq!(name("Iranian").as_deref(), Some("Iran"));
        assert_eq!(name("Iranians").as_deref(), Some("Iran"));
        assert_eq!(name("U.S.").as_deref(), Some("United States"));
        assert_eq!(name("Americans").as_deref(), Some("United States"));
        assert_eq!(name("People's Republic of China").as_deref(), Some("China"));
        assert_eq!(name("Russians").as_deref(), Some("Russia"));
        let baghdad = g.lookup("Baghdad").map(|h| g.entry(h).clone());
        assert_eq!(baghdad.and_then(|e| e.country).as_deref(), Some("Iraq"));
        assert_eq!(name("DOD").as_deref(), Some("U.S. Department of Defense"));
        assert!(g.lookup("Us").is_none());
        assert!(g.is_first_name("Mark"));
        assert_eq!(name("Ivory Coast").as_deref(), Some("Côte d'Ivoire"));
        assert_eq!(name("Türkiye").as_deref(), Some("Turkey"));
        assert_eq!(name("Turkish").as_deref(), Some("Turkey"));
        assert_eq!(name("Czechia").as_deref(), Some("Czech Republic"));
        assert_eq!(name("Kazakh").as_deref(), Some("Kazakhstan"));
        assert_eq!(name("Uzbek").as_deref(), Some("Uzbekistan"));
        assert!(g.lookup("Pak").is_none());
        assert_eq!(g.company_country("Siemens AG"), Some("Germany"));
        assert_eq!(g.company_country("ASML"), Some("Netherlands"));
        assert_eq!(g.company_country("Apple Inc."), Some("United States"));
        assert_eq!(g.company_country("Ministry of Defence"), None);
        let abidjan = g.lookup("Abidjan").map(|h| g.entry(h).clone());
        assert_eq!(
            abidjan.and_then(|e| e.country).as_deref(),
            Some("Côte d'Ivoire")
        );
    }
}

#[cfg(test)]
mod outlet_tests {
    use super::*;

    #[test]
    fn outlets_are_known_by_name_and_acronym() {
        let g = Gazetteer::get();
        assert_eq!(g.outlet("AP"), Some("Associated Press"));
        assert_eq!(g.outlet("Al Jazeera"), Some("Al Jazeera"));
        assert_eq!(g.outlet("Reuters"), Some("Reuters"));
        assert_eq!(g.outlet("Pentagon"), None, "a body that is no outlet");
    }
}
