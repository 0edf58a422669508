//! Corpus-wide merge: candidates of every document become entities (aliases across documents,
//! surnames to full names, stems to full names, acronyms to what they stand for), then links.
//! Sequential and in document order, so the output does not depend on the thread count.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{
    DocIdx, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Mention,
};

use super::gazetteer::{Gazetteer, fold};
use super::lexicon as lx;
use super::recognize::{Cand, DocOut, head_type};

/// Suffixes that do not count as a person's last name.
fn is_suffix(w: &str) -> bool {
    matches!(w, "jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv")
}

fn person_parts(words: &[String]) -> Option<(&str, &str)> {
    let ws: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_suffix(w) && w.len() > 1)
        .collect();
    if ws.len() < 2 {
        return None;
    }
    Some((ws[0], ws[ws.len() - 1]))
}

/// Edit distance, bounded (first names are short).
fn close(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.first() != b.first() || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + (ca != cb) as usize)
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= 2 && a.len().min(b.len()) >= 4
}

fn type_rank(t: EntityType) -> usize {
    match t {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Country => 2,
        EntityType::Facility => 3,
        EntityType::Place => 4,
        EntityType::Event => 5,
        EntityType::Other => 6,
    }
}

fn key_of_multi(c: &Cand) -> String {
    let mut k = c.words.join(" ");
    if let Some(s) = k.strip_prefix("the ") {
        k = s.to_owned();
    }
    if c.etype == EntityType::Facility {
        for (from, to) in [
            (" air base", " airbase"),
            (" air field", " airbase"),
            (" airfield", " airbase"),
        ] {
            if let Some(s) = k.strip_suffix(from) {
                k = format!("{s}{to}");
            }
        }
    }
    format!("{}\u{1f}{k}", c.etype.as_str())
}

struct Group {
    mentions: Vec<Mention>,
    surfaces: Vec<(String, usize, bool)>,
    votes: [usize; 7],
    gaz: Option<u32>,
    countries: Vec<(String, usize)>,
    home: Vec<(String, usize)>,
    multi_word: bool,
}

pub fn merge(outs: &[DocOut]) -> (Vec<Entity>, Vec<Link>) {
    let g = Gazetteer::get();
    // 1. Person clusters over full names (two words or more), corpus-wide.
    // (first, last, family) of the cluster's first full name; `family` is the family name
    // written first (`Liang Wen-chieh` → `liang`), else empty.
    let mut clusters: Vec<(String, String, String)> = Vec::new();
    let mut cluster_words: Vec<Vec<String>> = Vec::new();
    // A second family name: `Chua` in `Yvonne Chua Mei Ling` (a Western given name before a
    // Chinese family name and given names); else empty.
    let mut alt_family: Vec<String> = Vec::new();
    let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut cluster_of: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (d, out) in outs.iter().enumerate() {
        for (k, c) in out.cands.iter().enumerate() {
            if c.etype != EntityType::Person || c.gaz.is_some() {
                continue;
            }
            let Some((first, last)) = person_parts(&c.words) else {
                continue;
            };
            // `Tanvir Abbasi` and `Sardar Tanvir Abbasi` are one person: a first name may be
            // a middle word of the other form.
            let found = by_last.get(last).and_then(|ids| {
                ids.iter().copied().find(|&id| {
                    close(&clusters[id].0, first)
                        || cluster_words[id].iter().any(|w| w == first)
                        || c.words.iter().any(|w| *w == clusters[id].0)
                })
            });
            let id = found.unwrap_or_else(|| {
                let n = c.words.len();
                let family = if n == 2 && last.contains('-') {
                    first.to_owned()
                } else if n >= 3
                    && c.surface.split_whitespace().count() == n
                    && !g.is_first_name(c.surface.split_whitespace().nth(n - 2).unwrap_or(""))
                    && !super::lexicon::is_name_particle(&c.words[n - 2])
                    && c.words[n - 2].len() > 2
                {
                    // `Rosa Quispe Huamaní`, `José Ángel Paredes Lugo`: a father's and a
                    // mother's family name; the first of them alone (`Quispe`) names her too.
                    c.words[n - 2].clone()
                } else {
                    String::new()
                };
                let written: Vec<&str> = c.surface.split_whitespace().collect();
                let alt = if n >= 4
                    && written.len() == n
                    && !g.is_first_name(written[1])
                    && !super::lexicon::is_name_particle(&c.words[1])
                    && c.words[1].len() > 2
                    && c.words[1] != family
                {
                    c.words[1].clone()
                } else {
                    String::new()
                };
                clusters.push((first.to_owned(), last.to_owned(), family.clone()));
                cluster_words.push(c.words.clone());
                let id = clusters.len() - 1;
                by_last.entry(last.to_owned()).or_default().push(id);
                if !family.is_empty() {
                    by_last.entry(family).or_default().push(id);
                }
                if !alt.is_empty() {
                    by_last.entry(alt.clone()).or_default().push(id);
                }
                alt_family.push(alt);
                id
            });
            cluster_of.insert((d, k), id);
        }
    }
    // Multi-word organisations, facilities and places by stem (`haqqani` → `haqqani network`)
    // and by initials (`nctc` → `national counterterrorism center`).
    let mut stems: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    let mut prefixes: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    // `Alpina Sports Rights AG` … `Alpina's chief executive`: the first word of a body's name
    // of three words or more, for a lone word read as nothing else in the same text.
    let mut first_words: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    let mut initials: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    // The last words of a body's name, ending in a head word (`the Fund` for the International
    // Monetary Fund, `the Coast Guard`, `the Foreign Ministry`): per document, the bodies each
    // may stand for.
    let mut tails: FxHashMap<(usize, String), FxHashSet<String>> = FxHashMap::default();
    for (d, out) in outs.iter().enumerate() {
        for c in &out.cands {
            if matches!(c.etype, EntityType::Organization | EntityType::Facility)
                && c.alias_of.is_none()
                && !c.acronym
                && !c.generic
            {
                let (name, key) = match c.gaz {
                    Some(e) => {
                        let name = &g.entries[e as usize].name;
                        (fold(name), format!("g\u{1f}{name}"))
                    }
                    None => (c.words.join(" "), key_of_multi(c)),
                };
                let ws: Vec<&str> = name.split(' ').collect();
                for n in 1..ws.len() {
                    let tail = &ws[ws.len() - n..];
                    if matches!(
                        head_type(tail[n - 1]),
                        Some(EntityType::Organization | EntityType::Facility)
                    ) && !matches!(tail[0], "of" | "and" | "for" | "the" | "&")
                        && !ws[..ws.len() - n].contains(&"of")
                    {
                        tails
                            .entry((d, tail.join(" ")))
                            .or_default()
                            .insert(key.clone());
                    }
                }
            }
            // Known bodies with a head word: `Haqqani network` → `haqqani`.
            if let Some(e) = c.gaz {
                let entry = &g.entries[e as usize];
                let ws: Vec<String> = fold(&entry.name).split(' ').map(str::to_owned).collect();
                if matches!(entry.kind, EntityType::Organization | EntityType::Facility)
                    && ws.len() == 2
                    && super::lexicon::is_org_head(&ws[1])
                {
                    stems
                        .entry(ws[0].clone())
                        .or_default()
                        .push((d, format!("g\u{1f}{}", entry.name)));
                }
                continue;
            }
            if c.words.len() < 2 || c.alias_of.is_some() {
                continue;
            }
            // `Highland Ridge Health` … `Highland Ridge said`: the first words of a body's
            // name, two or more, name it later in the same text.
            if c.words.len() >= 3
                && matches!(
                    c.etype,
                    EntityType::Organization | EntityType::Facility | EntityType::Other
                )
            {
                let key = key_of_multi(c);
                if c.etype == EntityType::Organization {
                    first_words
                        .entry(c.words[0].clone())
                        .or_default()
                        .push((d, key.clone()));
                }
                for n in 2..c.words.len() {
                    if !matches!(c.words[n - 1].as_str(), "of" | "and" | "the" | "for" | "&") {
                        prefixes
                            .entry(c.words[..n].join(" "))
                            .or_default()
                            .push((d, key.clone()));
                    }
                }
            }
            if !matches!(
                c.etype,
                EntityType::Organization | EntityType::Facility | EntityType::Place
            ) {
                continue;
            }
            let key = key_of_multi(c);
            let person_head = matches!(
                c.words.last().map(String::as_str),
                Some("administration" | "campaign" | "embassy" | "consulate" | "government")
            );
            if c.heads >= 1 && c.heads == c.words.len() - 1 && !person_head {
                stems
                    .entry(c.words[0].clone())
                    .or_default()
                    .push((d, key.clone()));
            }
            let ini: String = c
                .words
                .iter()
                .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "&"))
                .filter_map(|w| w.chars().next())
                .collect();
            if ini.len() >= 2 {
                initials.entry(ini).or_default().push((d, key));
            }
        }
    }
    // The one key that `v` holds for document `d`, if it holds exactly one.
    let only_here = |v: &[(usize, String)], d: usize| -> Option<String> {
        let here: FxHashSet<&String> = v
            .iter()
            .filter(|(dd, _)| *dd == d)
            .map(|(_, k)| k)
            .collect();
        (here.len() == 1)
            .then(|| here.into_iter().next().cloned())
            .flatten()
    };
    let unique = |v: &[(usize, String)], d: usize| -> Option<String> {
        if let Some(k) = only_here(v, d) {
            return Some(k);
        }
        let here_any = v.iter().any(|(dd, _)| *dd == d);
        let all: FxHashSet<&String> = v.iter().map(|(_, k)| k).collect();
        (!here_any && all.len() == 1)
            .then(|| all.into_iter().next().cloned())
            .flatten()
    };
    // Which person clusters each document names in full, with mention counts.
    let mut doc_clusters: Vec<FxHashMap<usize, usize>> = vec![FxHashMap::default(); outs.len()];
    for (&(d, _), &id) in &cluster_of {
        *doc_clusters[d].entry(id).or_default() += 1;
    }

    // The one person this document names in full whose family name is the candidate's one word.
    let surname_in_doc = |c: &Cand, d: usize| -> Option<usize> {
        let w = c.words.first().filter(|_| c.words.len() == 1)?;
        let mut ids = doc_clusters[d]
            .keys()
            .copied()
            .filter(|&id| clusters[id].1 == *w || clusters[id].2 == *w || alt_family[id] == *w);
        let id = ids.next()?;
        ids.next().is_none().then_some(id)
    };

    // 2. A key for every candidate.
    let mut keys: Vec<Vec<Option<String>>> = Vec::with_capacity(outs.len());
    // Acronyms defined in brackets (`European Hospital and Healthcare Federation (HOPE)`,
    // `Ministry of Defence (MoD)`), whatever their letters: later uses name the same body.
    let mut defined: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    let mut retargeted: FxHashSet<(usize, usize)> = FxHashSet::default();
    for (d, out) in outs.iter().enumerate() {
        let mut dk: Vec<Option<String>> = Vec::with_capacity(out.cands.len());
        for (k, c) in out.cands.iter().enumerate() {
            let key = if let Some(a) = c.alias_of {
                let key = dk.get(a).cloned().flatten();
                if c.acronym
                    && let Some(key) = &key
                {
                    defined
                        .entry(fold(&c.surface))
                        .or_default()
                        .push((d, key.clone()));
                }
                key
            } else if c.acronym
                && c.words.len() == 1
                && let Some(k) = defined.get(c.words[0].as_str()).and_then(|v| unique(v, d))
            {
                Some(k)
            } else if let Some(body) = (matches!(
                c.etype,
                EntityType::Organization | EntityType::Facility | EntityType::Other
            ) && (c.gaz.is_none() || c.generic)
                && !c.acronym)
                .then(|| {
                    let name = c.words.join(" ");
                    tails.get(&(d, name.strip_prefix("the ").unwrap_or(&name).to_owned()))
                })
                .flatten()
                .filter(|keys| keys.len() == 1)
                .and_then(|keys| keys.iter().next().cloned())
            {
                if c.gaz.is_some() {
                    retargeted.insert((d, k));
                }
                Some(body)
            } else if let Some(id) = c
                .gaz
                .filter(|&e| g.entries[e as usize].kind == EntityType::Place)
                .and_then(|_| surname_in_doc(c, d))
            {
                // `Farah`, `Lin`: a town's name that is the surname of someone this text
                // names in full is that person (neither the town's type nor its country).
                retargeted.insert((d, k));
                Some(format!("p\u{1f}{id}"))
            } else if let Some(e) = c.gaz {
                Some(format!("g\u{1f}{}", g.entries[e as usize].name))
            } else if let Some(k) = (c.words.len() >= 2
                && (c.etype != EntityType::Person || (!c.strong && c.role.is_none())))
            .then(|| prefixes.get(&c.words.join(" ")))
            .flatten()
            .and_then(|v| only_here(v, d))
            {
                Some(k)
            } else if let Some(k) =
                (c.words.len() == 1 && c.etype == EntityType::Other && !c.acronym)
                    .then(|| first_words.get(&c.words[0]))
                    .flatten()
                    .and_then(|v| only_here(v, d))
            {
                Some(k)
            } else if let Some(&id) = cluster_of.get(&(d, k)) {
                Some(format!("p\u{1f}{id}"))
            } else if c.words.len() >= 2 || c.heads > 0 {
                Some(key_of_multi(c))
            } else {
                let w = c.words.first().map(String::as_str).unwrap_or("");
                let w = w.trim_end_matches('.');
                // Surname of someone named in full in this document, else in the corpus.
                let in_doc: Vec<(usize, usize)> = doc_clusters[d]
                    .iter()
                    .filter(|(id, _)| {
                        let id = **id;
                        clusters[id].1 == w || clusters[id].2 == w || alt_family[id] == w
                    })
                    .map(|(id, n)| (*id, *n))
                    .collect();
                let in_corpus: Vec<usize> = by_last.get(w).cloned().unwrap_or_default();
                // `Rahmat` for `Datuk Seri Rahmat Hashim`, `Harvinderjit` for `Harvinderjit
                // Singh Gill`: names without a family name are shortened to the given name.
                let by_given: Vec<usize> = doc_clusters[d]
                    .keys()
                    .copied()
                    .filter(|&id| clusters[id].0 == w)
                    .collect();
                let person = if !in_doc.is_empty() {
                    in_doc
                        .iter()
                        .max_by_key(|(id, n)| (*n, usize::MAX - id))
                        .map(|(id, _)| *id)
                } else if in_corpus.len() == 1 && !c.acronym {
                    Some(in_corpus[0])
                } else if by_given.len() == 1 && !c.acronym {
                    Some(by_given[0])
                } else {
                    None
                };
                if let Some(id) = person.filter(|_| !c.acronym) {
                    Some(format!("p\u{1f}{id}"))
                } else if let Some(k) = c
                    .acronym
                    .then(|| initials.get(w).and_then(|v| unique(v, d)))
                    .flatten()
                {
                    Some(k)
                } else if let Some(k) = stems
                    .get(w)
                    .and_then(|v| unique(v, d))
                    .filter(|_| !c.acronym && c.etype != EntityType::Person)
                {
                    Some(k)
                } else if c.etype == EntityType::Person {
                    Some(format!("p1\u{1f}{w}"))
                } else {
                    Some(format!("s\u{1f}{w}"))
                }
            };
            dk.push(key);
        }
        keys.push(dk);
    }

    // 3. Groups in order of first mention.
    let mut order: Vec<String> = Vec::new();
    let mut groups: FxHashMap<String, Group> = FxHashMap::default();
    for (d, out) in outs.iter().enumerate() {
        for (k, c) in out.cands.iter().enumerate() {
            let Some(key) = keys[d][k].clone() else {
                continue;
            };
            let grp = groups.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Group {
                    mentions: Vec::new(),
                    surfaces: Vec::new(),
                    votes: [0; 7],
                    gaz: None,
                    countries: Vec::new(),
                    home: Vec::new(),
                    multi_word: false,
                }
            });
            grp.mentions.push(Mention {
                doc: DocIdx(d as u32),
                sentence: c.sent,
                span: c.span,
            });
            if c.pronoun {
                continue; // a mention, not a name: no alias, type or country from `He`
            }
            let surface = c
                .surface
                .strip_prefix("the ")
                .or_else(|| c.surface.strip_prefix("The "))
                .unwrap_or(&c.surface)
                .to_owned();
            if let Some(raw) = &c.raw
                && !grp.surfaces.iter().any(|(s, _, _)| s == raw)
            {
                grp.surfaces.push((raw.clone(), 0, true));
            }
            let multi = c.words.len() >= 2 || surface.contains(' ');
            grp.multi_word |= multi && c.etype != EntityType::Other;
            match grp.surfaces.iter_mut().find(|(s, _, _)| *s == surface) {
                Some(s) => s.1 += 1,
                None => grp.surfaces.push((surface, 1, multi)),
            }
            // A generic name read as the text's own body (`the Coast Guard` after the
            // Philippine Coast Guard) brings neither the data's body nor its country.
            let own = retargeted.contains(&(d, k));
            let gaz = c.gaz.filter(|_| !own);
            if gaz.is_some() {
                grp.gaz = grp.gaz.or(gaz);
            }
            let w = if gaz.is_some() {
                100
            } else if c.strong {
                3
            } else {
                1
            };
            grp.votes[type_rank(c.etype)] += w;
            for cn in c.countries.iter().filter(|_| !own) {
                match grp.countries.iter_mut().find(|(n, _)| n == cn) {
                    Some(x) => x.1 += 1,
                    None => grp.countries.push((cn.clone(), 1)),
                }
            }
            if let Some(cn) = &c.home {
                match grp.home.iter_mut().find(|(n, _)| n == cn) {
                    Some(x) => x.1 += 1,
                    None => grp.home.push((cn.clone(), 1)),
                }
            }
        }
    }
    let ranked = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Facility,
        EntityType::Place,
        EntityType::Event,
        EntityType::Other,
    ];
    let mut entities: Vec<Entity> = Vec::new();
    let mut person_home: Vec<Option<String>> = Vec::new();
    let mut id_of: FxHashMap<&str, EntityId> = FxHashMap::default();
    for key in &order {
        let Some(grp) = groups.get(key) else { continue };
        let kind = if let Some(e) = grp.gaz {
            g.entries[e as usize].kind
        } else {
            let votes_core = grp.votes[..6].iter().copied().max().unwrap_or(0);
            if votes_core == 0 {
                EntityType::Other
            } else {
                let best = (0..6)
                    .max_by_key(|&i| (grp.votes[i], usize::MAX - i))
                    .unwrap_or(6);
                ranked[best]
            }
        };
        let name = if let Some(e) = grp.gaz {
            g.entries[e as usize].name.clone()
        } else {
            let prefer_multi = kind == EntityType::Person && grp.surfaces.iter().any(|s| s.2);
            let top = grp
                .surfaces
                .iter()
                .enumerate()
                .filter(|(_, s)| !prefer_multi || s.2)
                .max_by_key(|(i, s)| (s.1, s.0.len(), usize::MAX - i))
                .map(|(_, s)| s.0.clone())
                .unwrap_or_default();
            // `Alpina` said more often than `Alpina Sports Rights AG`: a body is shown by the
            // full name its short form begins.
            let full = matches!(kind, EntityType::Organization | EntityType::Facility)
                .then(|| {
                    grp.surfaces
                        .iter()
                        .filter(|s| {
                            s.0.len() > top.len()
                                && s.0.starts_with(top.as_str())
                                && s.0[top.len()..].starts_with(' ')
                        })
                        .max_by_key(|s| (s.1, s.0.len()))
                })
                .flatten();
            let top = full.map_or(top, |s| s.0.clone());
            // `ASX` said more often than `Australian Securities Exchange`: a body is shown by
            // the name its acronym spells.
            let acronym = top.len() <= 8 && top.chars().all(|c| c.is_ascii_uppercase());
            let spelled = acronym
                .then(|| {
                    grp.surfaces
                        .iter()
                        .filter(|s| s.0.contains(' ') && super::recognize::spells_out(&s.0, &top))
                        .max_by_key(|s| (s.1, s.0.len()))
                })
                .flatten();
            spelled.map_or(top, |s| s.0.clone())
        };
        let mut aliases: Vec<String> = Vec::new();
        for (s, _, _) in &grp.surfaces {
            if *s != name && !aliases.contains(s) {
                aliases.push(s.clone());
            }
        }
        // `Puntland region`, `Shabelle river`: a place is also named without the kind.
        if kind == EntityType::Place {
            for s in std::iter::once(&name).chain(grp.surfaces.iter().map(|s| &s.0)) {
                if let Some((bare, head)) = s.rsplit_once(' ')
                    && head.chars().next().is_some_and(char::is_lowercase)
                    && super::lexicon::lowercase_head(head) == Some(EntityType::Place)
                    && *bare != name
                    && !aliases.iter().any(|a| a == bare)
                {
                    aliases.push(bare.to_owned());
                }
            }
        }
        // A person's home-country guess waits until the bodies they serve have given theirs.
        let mut countries = if grp.countries.is_empty() && kind != EntityType::Person {
            grp.home.clone()
        } else {
            grp.countries.clone()
        };
        let mut home = grp.home.clone();
        home.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        person_home.push(home.into_iter().next().map(|(n, _)| n));
        countries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // A country belongs to itself, so filtering by it keeps its own node.
        let countries: Vec<String> = if kind == EntityType::Country {
            vec![name.clone()]
        } else {
            countries
                .into_iter()
                .map(|(n, _)| n)
                .filter(|n| *n != name)
                .collect()
        };
        let mut mentions = grp.mentions.clone();
        mentions.sort_unstable();
        let id = EntityId(entities.len() as u32);
        id_of.insert(key.as_str(), id);
        entities.push(Entity {
            id,
            name,
            kind,
            aliases,
            countries,
            mentions,
            note: None,
        });
    }
    // `Trump administration` serves the country of `Donald Trump`.
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.kind != EntityType::Organization || !e.countries.is_empty() {
            continue;
        }
        let Some(stem) = e.name.strip_suffix(" administration") else {
            continue;
        };
        let stem = fold(stem.rsplit(' ').next().unwrap_or(stem));
        let cn = entities.iter().find_map(|p| {
            let last = fold(p.name.rsplit(' ').next().unwrap_or(""));
            (p.kind == EntityType::Person && last == stem)
                .then(|| p.countries.first().cloned())
                .flatten()
        });
        if let Some(cn) = cn {
            entities[i].countries.push(cn);
        }
    }
    let (links, international) = build_links(outs, &keys, &id_of, &mut entities);
    for (i, (e, home)) in entities.iter_mut().zip(person_home).enumerate() {
        if e.kind == EntityType::Person
            && e.countries.is_empty()
            && !international.contains(&i)
            && let Some(h) = home
        {
            e.countries.push(h);
        }
    }
    (entities, links)
}

fn build_links(
    outs: &[DocOut],
    keys: &[Vec<Option<String>>],
    id_of: &FxHashMap<&str, EntityId>,
    entities: &mut [Entity],
) -> (Vec<Link>, FxHashSet<usize>) {
    let ent = |d: usize, k: usize| -> Option<EntityId> {
        keys[d][k]
            .as_deref()
            .and_then(|key| id_of.get(key).copied())
    };
    // Stated links: one per (from, to, label).
    let mut stated: Vec<(EntityId, EntityId, &'static str, Vec<Evidence>)> = Vec::new();
    let mut stated_index: FxHashMap<(EntityId, EntityId, &'static str), usize> =
        FxHashMap::default();
    // (pair, document, sentence) that state a relation.
    let mut stated_pairs: FxHashSet<(EntityId, EntityId, u32, u32)> = FxHashSet::default();
    for (d, out) in outs.iter().enumerate() {
        for r in &out.rels {
            let (Some(a), Some(b)) = (ent(d, r.a), ent(d, r.b)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let ev = Evidence {
                doc: DocIdx(d as u32),
                sentence: r.sent,
                hedged: out.hedged.get(r.sent as usize).copied().unwrap_or(false),
            };
            let i = *stated_index.entry((a, b, r.label)).or_insert_with(|| {
                stated.push((a, b, r.label, Vec::new()));
                stated.len() - 1
            });
            if !stated[i].3.contains(&ev) {
                stated[i].3.push(ev);
            }
            stated_pairs.insert((a.min(b), a.max(b), d as u32, r.sent));
        }
    }
    // Co-mentions: pairs named in one sentence with nothing stated between them.
    let mut co: Vec<((EntityId, EntityId), Vec<Evidence>)> = Vec::new();
    let mut co_index: FxHashMap<(EntityId, EntityId), usize> = FxHashMap::default();
    for (d, out) in outs.iter().enumerate() {
        let mut k = 0;
        while k < out.cands.len() {
            let sent = out.cands[k].sent;
            let mut ids: Vec<EntityId> = Vec::new();
            while k < out.cands.len() && out.cands[k].sent == sent {
                if let Some(id) = ent(d, k)
                    && !ids.contains(&id)
                {
                    ids.push(id);
                }
                k += 1;
            }
            let hedged = out.hedged.get(sent as usize).copied().unwrap_or(false);
            for x in 0..ids.len() {
                for y in x + 1..ids.len() {
                    let pair = (ids[x].min(ids[y]), ids[x].max(ids[y]));
                    if stated_pairs.contains(&(pair.0, pair.1, d as u32, sent)) {
                        continue;
                    }
                    let i = *co_index.entry(pair).or_insert_with(|| {
                        co.push((pair, Vec::new()));
                        co.len() - 1
                    });
                    co[i].1.push(Evidence {
                        doc: DocIdx(d as u32),
                        sentence: sent,
                        hedged,
                    });
                }
            }
        }
    }
    // Affiliation through what a person serves: `Pentagon spokesman` → United States.
    let g = Gazetteer::get();
    let mut international: FxHashSet<usize> = FxHashSet::default();
    for (a, b, label, _) in &stated {
        if !lx::is_affiliation_label(label) {
            continue;
        }
        let (ai, bi) = (a.0 as usize, b.0 as usize);
        if entities[ai].kind != EntityType::Person || !entities[ai].countries.is_empty() {
            continue;
        }
        let target = &entities[bi];
        let cn = if target.kind == EntityType::Country {
            Some(target.name.clone())
        } else {
            target.countries.first().cloned()
        };
        if let Some(cn) = cn {
            entities[ai].countries.push(cn);
        } else if target.kind == EntityType::Organization
            && g.lookup(&target.name)
                .is_some_and(|h| g.entry(h).country.is_none() && !g.entry(h).outlet)
        {
            // `EU antitrust chief Teresa Ribera`: an international body's official is not
            // taken to be the text's home country's.
            international.insert(ai);
        }
    }
    let mut links: Vec<Link> = Vec::with_capacity(stated.len() + co.len());
    for (a, b, label, mut evidence) in stated {
        evidence.sort_unstable();
        links.push(Link {
            id: LinkId(0),
            from: a,
            to: b,
            label: label.to_owned(),
            kind: LinkKind::Stated,
            directed: true,
            evidence,
            note: None,
        });
    }
    for ((a, b), mut evidence) in co {
        evidence.sort_unstable();
        evidence.dedup();
        links.push(Link {
            id: LinkId(0),
            from: a,
            to: b,
            label: "mentioned with".to_owned(),
            kind: LinkKind::CoMention,
            directed: false,
            evidence,
            note: None,
        });
    }
    links.sort_by(|x, y| {
        (x.evidence.first(), x.kind, x.from, x.to, &x.label).cmp(&(
            y.evidence.first(),
            y.kind,
            y.from,
            y.to,
            &y.label,
        ))
    });
    for (i, l) in links.iter_mut().enumerate() {
        l.id = LinkId(i as u32);
    }
    (links, international)
}

/// Fold a name for comparisons (exported for tests).
pub fn name_key(s: &str) -> String {
    fold(s)
}
