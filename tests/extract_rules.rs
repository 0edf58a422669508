//! Extraction rules a user would notice: alias families merge, countries are found, titles,
//! appositions, acronyms and credits are read right, hedges and co-mentions are marked, and the
//! output is the same whatever the thread count.

use linkchart::corpus::document_from_text;
use linkchart::extract::extract;
use linkchart::model::{Entity, EntityType, LinkKind, Model};

fn model(texts: &[&str]) -> Model {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| document_from_text(&format!("d{i}"), &format!("d{i}.txt"), (*t).to_owned()))
        .collect();
    extract(docs)
}

/// The one entity carrying `surface` as its name or an alias; fails if there are several.
fn one<'a>(m: &'a Model, surface: &str) -> &'a Entity {
    let hits: Vec<&Entity> = m
        .entities
        .iter()
        .filter(|e| e.name == surface || e.aliases.iter().any(|a| a == surface))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{surface:?} should be exactly one entity, got {:?}",
        hits.iter()
            .map(|e| (&e.name, &e.aliases))
            .collect::<Vec<_>>()
    );
    hits[0]
}

fn same(m: &Model, surfaces: &[&str]) -> Entity {
    let first = one(m, surfaces[0]).clone();
    for s in &surfaces[1..] {
        assert_eq!(
            one(m, s).id,
            first.id,
            "{s:?} should merge with {:?}",
            surfaces[0]
        );
    }
    first
}

#[test]
fn soleimani_spellings_merge_across_documents() {
    let m = model(&[
        "The US killed top Iranian commander Qasem Soleimani in Baghdad in January.",
        "The strike killed Major General Qassem Soleimani, the commander of Iran's Quds Force. Officials said MG Soleimani was plotting attacks.",
        "Critics said the killing of Soleimani was unlawful.",
    ]);
    let e = same(&m, &["Qasem Soleimani", "Qassem Soleimani", "Soleimani"]);
    assert_eq!(e.kind, EntityType::Person);
    assert_eq!(e.documents().len(), 3);
    assert!(
        e.countries.contains(&"Iran".to_owned()),
        "{:?}",
        e.countries
    );
}

#[test]
fn haqqani_network_forms_merge() {
    let m = model(&[
        "Iran offered bounty payments to the Taliban-affiliated Haqqani network, officials said.",
        "The assessment states that Iran paid the Haqqani Network for six attacks. Analysts studied the relationship with Haqqani.",
    ]);
    let e = same(&m, &["Haqqani network", "Haqqani Network", "Haqqani"]);
    assert_eq!(e.kind, EntityType::Organization);
}

#[test]
fn bagram_base_forms_merge_and_lie_in_afghanistan() {
    let m = model(&[
        "Trump visited Bagram Air Field in Afghanistan in November. The Taliban attacked the US-run Bagram Airbase in December.",
        "The Taliban carried out a suicide bombing at Bagram airbase.",
        "The bounties were paid for the December attack on Bagram Air Base, which killed two civilians.",
    ]);
    let e = same(
        &m,
        &[
            "Bagram Air Field",
            "Bagram Airbase",
            "Bagram airbase",
            "Bagram Air Base",
        ],
    );
    assert_eq!(e.kind, EntityType::Facility);
    assert_eq!(e.countries, ["Afghanistan"]);
}

#[test]
fn pentagon_and_department_of_defense_are_one_body() {
    let m = model(&[
        "The Pentagon was aware of the attack. The DOD decided in March not to act. A spokesman said the Department of Defense does not disclose timelines.",
    ]);
    let e = same(&m, &["Pentagon", "DOD", "Department of Defense"]);
    assert_eq!(e.countries, ["United States"]);
}

#[test]
fn us_and_russia_forms_merge_into_countries() {
    let m = model(&[
        "US intelligence found that U.S. troops were targeted. The United States said American soldiers were safe.",
        "The Russians were also accused of paying the Taliban, a charge the Russian government denies. Russia rejected the claims.",
    ]);
    let us = same(&m, &["United States", "US", "U.S.", "American"]);
    assert_eq!(us.kind, EntityType::Country);
    let ru = same(&m, &["Russia", "Russians", "Russian"]);
    assert_eq!(ru.kind, EntityType::Country);
}

#[test]
fn countries_come_from_demonyms_places_and_data() {
    let m = model(&[
        "CNN reported that the United States killed Iranian commander Qasem Soleimani in Baghdad. The Sunday Times in the U.K. carried a story.",
    ]);
    assert_eq!(one(&m, "Qasem Soleimani").countries, ["Iran"]);
    assert_eq!(one(&m, "Baghdad").countries, ["Iraq"]);
    assert_eq!(one(&m, "Baghdad").kind, EntityType::Place);
    assert_eq!(one(&m, "CNN").countries, ["United States"]);
    assert!(
        one(&m, "Sunday Times")
            .countries
            .contains(&"United Kingdom".to_owned())
    );
}

#[test]
fn titles_roles_and_appositions_make_people() {
    let m = model(&[
        "Defense Secretary Mark Esper said troops would leave. Army Major and Pentagon spokesman Rob Lodewick said to CNN that nothing changed.",
        "Gen. Frank McKenzie said in September that it had not been proved. Axios quotes Andrew Small, a senior fellow at the German Marshall Fund.",
    ]);
    for name in [
        "Mark Esper",
        "Rob Lodewick",
        "Frank McKenzie",
        "Andrew Small",
    ] {
        assert_eq!(one(&m, name).kind, EntityType::Person, "{name}");
    }
    assert_eq!(
        one(&m, "German Marshall Fund").kind,
        EntityType::Organization
    );
    // The spokesman is linked to what he speaks for, and serves its country.
    let rob = one(&m, "Rob Lodewick");
    let dod = one(&m, "Pentagon");
    assert!(
        m.links
            .iter()
            .any(|l| l.from == rob.id && l.to == dod.id && l.label == "spokesman for")
    );
    assert_eq!(rob.countries, ["United States"]);
    // A fellow of a body is linked to it.
    let small = one(&m, "Andrew Small");
    let gmf = one(&m, "German Marshall Fund");
    assert!(
        m.links
            .iter()
            .any(|l| l.from == small.id && l.to == gmf.id && l.kind == LinkKind::Stated)
    );
}

#[test]
fn acronyms_defined_in_text_and_sentence_initial_words() {
    let m = model(&[
        "Multiple agencies said a suicide vehicle-borne improvised explosive device (SVBIED) was used. According to officials, the SVBIED was large.",
        "The U.S. has evidence that the PRC [People's Republic of China] attempted to finance attacks. The CIA, NSA and NCTC agreed.",
    ]);
    assert!(
        m.entities
            .iter()
            .all(|e| e.name != "Multiple" && e.name != "According")
    );
    assert!(
        m.entities
            .iter()
            .filter(|e| e.name == "SVBIED" || e.aliases.iter().any(|a| a == "SVBIED"))
            .all(|e| e.kind == EntityType::Other),
        "an acronym defined as a common noun is no organisation"
    );
    let china = same(&m, &["China", "PRC", "People's Republic of China"]);
    assert_eq!(china.kind, EntityType::Country);
    for a in ["CIA", "NSA", "NCTC"] {
        assert_eq!(one(&m, a).kind, EntityType::Organization);
        assert_eq!(one(&m, a).countries, ["United States"]);
    }
}

#[test]
fn credits_and_bylines_name_photographers() {
    let m = model(&[
        "al-monitor In this file photo, Trump speaks to troops. Photo by OLIVIER DOULIERY/AFP via Getty Images.",
        "AP Photo/Mark Schiefelbein, File\n\nThe Trump administration is set to declassify a report.",
    ]);
    let olivier = one(&m, "Olivier Douliery");
    assert_eq!(olivier.kind, EntityType::Person);
    assert!(olivier.aliases.contains(&"OLIVIER DOULIERY".to_owned()));
    assert_eq!(one(&m, "Mark Schiefelbein").kind, EntityType::Person);
    let afp = one(&m, "AFP");
    assert!(
        m.links
            .iter()
            .any(|l| l.from == olivier.id && l.to == afp.id)
    );
    assert_eq!(one(&m, "Getty Images").kind, EntityType::Organization);
    assert_eq!(
        one(&m, "Trump administration").kind,
        EntityType::Organization
    );
}

#[test]
fn stated_links_carry_labels_direction_and_hedges() {
    let m = model(&[
        "Iran paid the Taliban to attack US soldiers. Reports said Russia allegedly offered bounties to the Taliban.",
    ]);
    let iran = one(&m, "Iran").id;
    let russia = one(&m, "Russia").id;
    let taliban = one(&m, "Taliban").id;
    let paid = m
        .links
        .iter()
        .find(|l| l.from == iran && l.to == taliban)
        .expect("Iran → Taliban");
    assert_eq!(paid.kind, LinkKind::Stated);
    assert!(paid.directed);
    assert!(paid.label.starts_with("paid"));
    assert!(!paid.hedged());
    let offered = m
        .links
        .iter()
        .find(|l| l.from == russia && l.to == taliban)
        .expect("Russia → Taliban");
    assert_eq!(offered.label, "offered bounties to");
    assert!(offered.hedged(), "`allegedly` hedges the statement");
}

#[test]
fn co_mentions_are_one_undirected_link_per_pair_with_every_sentence() {
    let m = model(&[
        "Officials in Kabul and Tehran were surprised.",
        "Diplomats from Kabul and Tehran met again. Nothing else.",
    ]);
    let kabul = one(&m, "Kabul").id;
    let tehran = one(&m, "Tehran").id;
    let co: Vec<_> = m
        .links
        .iter()
        .filter(|l| (l.from == kabul && l.to == tehran) || (l.from == tehran && l.to == kabul))
        .collect();
    assert_eq!(co.len(), 1);
    assert_eq!(co[0].label, "mentioned with");
    assert_eq!(co[0].kind, LinkKind::CoMention);
    assert!(!co[0].directed);
    assert_eq!(co[0].evidence.len(), 2);
}

#[test]
fn ids_are_dense_sorted_and_output_is_deterministic() {
    let texts: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("seeds folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed text"))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let four_threads = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .expect("pool");
    let a = one_thread.install(|| model(&refs));
    let b = four_threads.install(|| model(&refs));
    assert_eq!(a, b);
    assert!(!a.entities.is_empty() && !a.links.is_empty());
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id.0 as usize, i);
        assert!(!e.aliases.contains(&e.name));
        assert!(!e.mentions.is_empty());
    }
    for (i, l) in a.links.iter().enumerate() {
        assert_eq!(l.id.0 as usize, i);
        assert_ne!(l.from, l.to);
        assert!(!l.evidence.is_empty());
    }
}

#[test]
fn bad_text_does_not_panic() {
    let m = model(&[
        "",
        "   \n\n ",
        "((( [[ ]] ))) --- '' ’s ’s",
        "A\u{0}B\u{feff}C ÆØÅ 日本 العربية U.S.-",
        "(ABC",
    ]);
    assert_eq!(m.documents.len(), 5);
}

#[test]
fn countries_come_from_places_named_inside_bodies() {
    let m = model(&[
        "A trial at the Munich Regional Court starts in December. Shares fell on the Nasdaq \
         Stockholm exchange. The opposition will go to the Supreme Court of Kenya.",
    ]);
    assert_eq!(one(&m, "Munich Regional Court").countries, ["Germany"]);
    assert_eq!(one(&m, "Nasdaq Stockholm").countries, ["Sweden"]);
    assert_eq!(one(&m, "Supreme Court of Kenya").countries, ["Kenya"]);
}

#[test]
fn appositions_and_descriptors_give_bodies_a_country() {
    let m = model(&[
        "BaFin, Germany's financial regulator, was criticized. The complaint was joined by the \
         Dutch consumer group ACM. Daniel Ek, Spotify's founder, welcomed the fine. Spotify, \
         which is based in Stockholm, said so.",
    ]);
    let bafin = one(&m, "BaFin");
    assert_eq!(bafin.kind, EntityType::Organization);
    assert_eq!(bafin.countries, ["Germany"]);
    let acm = one(&m, "ACM");
    assert_eq!(acm.kind, EntityType::Organization);
    assert_eq!(acm.countries, ["Netherlands"]);
    let (ek, spotify) = (one(&m, "Daniel Ek"), one(&m, "Spotify"));
    assert_eq!(spotify.countries, ["Sweden"]);
    assert!(
        m.links
            .iter()
            .any(|l| l.from == ek.id && l.to == spotify.id && l.label == "founder of"),
        "Ek is Spotify's founder"
    );
    assert_eq!(
        ek.countries,
        ["Sweden"],
        "a founder serves the body's country"
    );
}

#[test]
fn bodies_named_with_and_or_ampersand_stay_whole() {
    let m = model(&[
        "The deal is examined by the Competition and Markets Authority in Britain. Ernst & \
         Young audited the firm for a decade.",
    ]);
    let cma = one(&m, "Competition and Markets Authority");
    assert_eq!(cma.kind, EntityType::Organization);
    assert_eq!(cma.countries, ["United Kingdom"]);
    assert_eq!(one(&m, "Ernst & Young").kind, EntityType::Organization);
}

#[test]
fn a_dateline_sets_the_home_country_of_officials() {
    let m = model(&[
        "WASHINGTON (Reuters) - Iran's oil sales were sanctioned on Thursday. Iran's officials \
         protested. Treasury spokesman John Smithers said the measures would stay.",
    ]);
    assert_eq!(one(&m, "John Smithers").countries, ["United States"]);
}

#[test]
fn a_generic_body_name_belongs_to_the_country_the_text_is_about() {
    let m = model(&[
        "Nairobi, Kenya - Kenya's electoral commission declared the result. Kenya's opposition \
         will challenge the count in the Supreme Court. Kenya's police fired tear gas.",
        "The FBI said North Korea's hackers stole $600 million. The Treasury Department added a \
         wallet to its sanctions list.",
    ]);
    let court = one(&m, "Supreme Court");
    assert_eq!(
        court.countries,
        ["Kenya"],
        "Kenya's court, not the U.S. one"
    );
    let treasury = one(&m, "Treasury Department");
    assert_eq!(treasury.countries, ["United States"]);
}

#[test]
fn a_descriptor_noun_types_a_name_as_a_body() {
    let m = model(&[
        "Sky Mavis, the Vietnam-based company that develops the game, will pay. Tom Robinson \
         works at the blockchain analytics firm Elliptic in London.",
    ]);
    let sky = one(&m, "Sky Mavis");
    assert_eq!(sky.kind, EntityType::Organization);
    assert_eq!(sky.countries, ["Vietnam"]);
    let elliptic = one(&m, "Elliptic");
    assert_eq!(elliptic.kind, EntityType::Organization);
    assert_eq!(elliptic.countries, ["United Kingdom"]);
}

#[test]
fn regions_come_from_iso_3166_2_data() {
    let m = model(&[
        "Canberra offered projects in Western Australia, Queensland and the Northern Territory. \
         Fighting spread across Helmand.",
    ]);
    for (name, country) in [
        ("Western Australia", "Australia"),
        ("Queensland", "Australia"),
        ("Northern Territory", "Australia"),
        ("Helmand", "Afghanistan"),
    ] {
        let e = one(&m, name);
        assert_eq!(e.kind, EntityType::Place, "{name}");
        assert_eq!(e.countries, [country], "{name}");
    }
}

#[test]
fn a_place_named_by_its_kind_takes_the_demonym_country() {
    let m =
        model(&["The tankers delivered the oil to the Syrian port of Baniyas, officials said."]);
    let baniyas = one(&m, "Baniyas");
    assert_eq!(baniyas.kind, EntityType::Place);
    assert_eq!(baniyas.countries, ["Syria"]);
}

#[test]
fn a_leader_serves_the_country_of_the_body_he_led() {
    let m = model(&[
        "BaFin, Germany's financial regulator, was criticized. Felix Hufeld, who led BaFin at the \
         time, resigned in 2021.",
    ]);
    assert_eq!(one(&m, "Felix Hufeld").countries, ["Germany"]);
}

#[test]
fn a_title_inside_a_name_splits_body_and_person() {
    let m = model(&[
        "Drug Enforcement Administration Administrator Terrance Cole said the agency tracked him. \
         Federal Information Minister Attaullah Tarar called it a relief.",
    ]);
    let cole = one(&m, "Terrance Cole");
    assert_eq!(cole.kind, EntityType::Person);
    let dea = one(&m, "Drug Enforcement Administration");
    assert!(
        m.links.iter().any(|l| l.from == cole.id && l.to == dea.id),
        "Cole is linked to the DEA"
    );
    assert_eq!(one(&m, "Attaullah Tarar").kind, EntityType::Person);
}

#[test]
fn given_names_cities_and_bodies_named_after_places() {
    let m = model(&[
        "Dmitry Peskov, Vladimir Putin's spokesman, spoke in Moscow. The Sinaloa cartel runs labs. \
         Ships avoid the Gulf of Aden.",
    ]);
    assert_eq!(one(&m, "Vladimir Putin").kind, EntityType::Person);
    assert_eq!(one(&m, "Sinaloa cartel").kind, EntityType::Organization);
    assert_eq!(one(&m, "Gulf of Aden").kind, EntityType::Place);
}

#[test]
fn he_opening_a_sentence_stands_for_the_person_before() {
    let m = model(&[
        "Mexico extradited José Paredes to the United States. He had been held at the Altiplano \
         prison west of Mexico City.",
    ]);
    let paredes = one(&m, "José Paredes");
    let prison = one(&m, "Altiplano prison");
    assert!(
        m.links
            .iter()
            .any(|l| (l.from == paredes.id && l.to == prison.id)
                || (l.from == prison.id && l.to == paredes.id)),
        "Paredes is linked to the prison he was held in"
    );
    assert!(
        !paredes.aliases.iter().any(|a| a == "He"),
        "a pronoun is no name"
    );
}

#[test]
fn a_nickname_in_quotes_is_an_alias_not_part_of_the_name() {
    let m = model(&["Fighting broke out with a faction loyal to Ismael \"El Mayo\" Zambada."]);
    let mayo = same(&m, &["Ismael Zambada", "El Mayo"]);
    assert_eq!(mayo.kind, EntityType::Person);
}

#[test]
fn a_hyphenated_title_is_read_whole() {
    let m = model(&[
        "US officials said US troops would stay. US officials briefed president-elect Joe Biden \
         on Monday.",
    ]);
    assert_eq!(one(&m, "Joe Biden").countries, ["United States"]);
}

#[test]
fn an_all_caps_byline_names_its_writers_without_a_country() {
    let m = model(&[
        "Mexico extradites cartel boss\n\nBy ELENA RUIZ and MARK STEVENS\n\nMEXICO CITY (AP) — \
         Mexico on Thursday extradited a cartel boss. Mexican officials said Mexico's police \
         had tracked him. Mexico's courts approved it. Mexican troops escorted the plane.",
    ]);
    for name in ["Elena Ruiz", "Mark Stevens"] {
        let e = one(&m, name);
        assert_eq!(e.kind, EntityType::Person, "{name}");
        assert!(
            e.countries.is_empty(),
            "a byline's writer is not taken to be of the story's country: {name} {:?}",
            e.countries
        );
    }
}

#[test]
fn a_country_before_affairs_is_the_bodys_subject_not_its_owner() {
    let m = model(&[
        "In Beijing, Zhu Fenglian, a spokesperson for China's Taiwan Affairs Office, accused \
         Taiwan of provoking confrontation.",
    ]);
    let tao = one(&m, "Taiwan Affairs Office");
    assert!(
        !tao.countries.contains(&"Taiwan".to_owned()),
        "{:?}",
        tao.countries
    );
    assert_eq!(one(&m, "Zhu Fenglian").countries, ["China"]);
}

#[test]
fn towns_and_regions_place_a_story_and_its_people() {
    // India is named once, Myanmar twice, but Guwahati, Assam, Silchar, Cachar and Meghalaya
    // set the story in India; towns the text does not introduce get their country from it.
    let m = model(&[
        "Guwahati: Assam Police arrested four men in Silchar on Tuesday after a raid in Cachar \
         district. The drugs came from Myanmar, officers said. Inspector Rituraj Saikia said the \
         trucks were stopped twice in Meghalaya. The gang bought the pills in Tamu, across the \
         Myanmar border, and drove them through Moreh and Karimganj to India's northeast. \
         Police said the men were taken to Karimganj Central Jail.",
    ]);
    assert_eq!(one(&m, "Rituraj Saikia").countries, ["India"]);
    assert_eq!(one(&m, "Meghalaya").countries, ["India"]);
    let karimganj = one(&m, "Karimganj");
    assert_eq!(karimganj.kind, EntityType::Place);
    assert_eq!(karimganj.countries, ["India"]);
    assert_eq!(one(&m, "Tamu").countries, ["Myanmar"]);
    assert_eq!(one(&m, "Karimganj Central Jail").countries, ["India"]);
}

#[test]
fn a_town_name_gives_no_country_the_text_never_names() {
    // `Mocha` is a town in Brazil and one in Yemen; the text names neither country.
    let m = model(&["Officials met in Mocha on Monday. The mayor of Mocha said nothing."]);
    assert!(one(&m, "Mocha").countries.is_empty());
    let m = model(&["Officials met in Mocha on Monday, Yemen said. Yemen's government agreed."]);
    assert_eq!(one(&m, "Mocha").countries, ["Yemen"]);
}

#[test]
fn a_region_named_with_state_or_province_is_the_region() {
    let m = model(&[
        "Voters in Ekiti State went to the polls. The count in Ekiti was slow, Nigeria's \
         electoral commission said, and results came from Ado-Ekiti, the state capital.",
    ]);
    let ekiti = same(&m, &["Ekiti", "Ekiti State"]);
    assert_eq!(ekiti.kind, EntityType::Place);
    assert_eq!(ekiti.countries, ["Nigeria"]);
    assert_eq!(
        one(&m, "Ado-Ekiti").countries,
        ["Nigeria"],
        "a hyphenated town is one name"
    );
}

#[test]
fn a_mixed_case_abbreviation_in_brackets_is_an_alias() {
    let m = model(&[
        "The Ministry of Defence (MoD) said the vehicle was safe. An MoD spokesperson said \
         testing went on.",
    ]);
    same(&m, &["Ministry of Defence", "MoD"]);
}

#[test]
fn a_first_family_name_alone_names_the_person() {
    let m = model(&[
        "Community leader Rosa Quispe Huamaní said the road would stay closed. Quispe said the \
         company had broken its promises.",
    ]);
    same(&m, &["Rosa Quispe Huamaní", "Quispe"]);
}

#[test]
fn a_listed_company_has_its_country_though_the_text_never_says_it() {
    let m = model(&[
        "The European Commission blocked the deal. Siemens Healthineers said it would appeal, \
         and rival GE HealthCare welcomed the ruling. ASML declined to comment.",
    ]);
    assert_eq!(one(&m, "Siemens Healthineers").countries, ["Germany"]);
    let ge = one(&m, "GE HealthCare");
    assert_eq!(ge.kind, EntityType::Organization);
    assert_eq!(ge.countries, ["United States"]);
    assert_eq!(one(&m, "ASML").countries, ["Netherlands"]);
}

#[test]
fn company_names_that_are_words_are_not_looked_for() {
    let m = model(&["Shoppers hit their target as apple prices fell, officials in Kenya said."]);
    assert!(
        !m.entities
            .iter()
            .any(|e| e.name.eq_ignore_ascii_case("target") || e.name.eq_ignore_ascii_case("apple")),
        "{:?}",
        m.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn general_dynamics_is_a_company_not_a_general() {
    let m = model(&[
        "MPs will question General Dynamics, the contractor, about the vehicle. General Motors \
         declined to comment.",
    ]);
    let gd = one(&m, "General Dynamics");
    assert_eq!(gd.kind, EntityType::Organization);
    assert_eq!(gd.countries, ["United States"]);
    assert!(m.entities.iter().all(|e| e.name != "Dynamics"));
    assert_eq!(one(&m, "General Motors").kind, EntityType::Organization);
}

#[test]
fn the_first_words_of_a_bodys_name_name_it_later() {
    let m = model(&[
        "The hospital is owned by Highland Ridge Health, which runs five hospitals. Highland \
         Ridge said it had hired the firm Mandiant.",
    ]);
    same(&m, &["Highland Ridge Health", "Highland Ridge"]);
}

fn linked(m: &Model, a: &str, b: &str) -> Option<String> {
    let (a, b) = (one(m, a).id, one(m, b).id);
    m.links
        .iter()
        .find(|l| (l.from == a && l.to == b) || (l.from == b && l.to == a))
        .map(|l| l.label.clone())
}

#[test]
fn a_spokesman_opening_a_sentence_speaks_for_the_body_named_just_before() {
    let m = model(&[
        "The strike hit a launch site used by the Houthis near the port. Military spokesman \
         Yahya Saree vowed that the enemy would pay a heavy price.",
    ]);
    assert_eq!(
        linked(&m, "Yahya Saree", "Houthis").as_deref(),
        Some("spokesman for")
    );
}

#[test]
fn writers_of_a_byline_or_wire_credit_report_for_the_outlet() {
    let m = model(&[
        "Strike kills commander\n\nADEN, March 12 (Reuters) - A strike killed a commander in \
         Yemen on Tuesday, officials said.\n\n(Reporting by Samir Haddad in Aden; Editing by \
         Tom Hogue)",
    ]);
    assert_eq!(
        linked(&m, "Samir Haddad", "Reuters").as_deref(),
        Some("reporter for")
    );
}

#[test]
fn a_currency_written_with_a_country_code_is_not_a_mention_of_the_country() {
    let m = model(&[
        "Argentina reached a deal on its US$20-billion programme. Argentina's reserves fell by \
         US$4 billion. It will get US$2 billion. Central Bank Governor Santiago Bausili said the \
         bank would buy US$5 billion.",
    ]);
    assert!(
        !m.entities.iter().any(|e| e.name == "United States"),
        "US$ is a currency"
    );
    assert_eq!(one(&m, "Santiago Bausili").countries, ["Argentina"]);
}

#[test]
fn an_acronym_the_text_spells_out_keeps_that_meaning_over_a_known_one() {
    let m = model(&[
        "The Armed Forces of the Philippines (AFP) said its Western Command had sent a plane. \
         AFP spokesperson Col. Rogelio Manalastas said 11 Chinese vessels were seen.",
    ]);
    let afp = same(&m, &["Armed Forces of the Philippines", "AFP"]);
    assert_eq!(afp.countries, ["Philippines"]);
    assert!(!m.entities.iter().any(|e| e.name == "Agence France-Presse"));
    assert_eq!(one(&m, "Rogelio Manalastas").countries, ["Philippines"]);
}

#[test]
fn the_head_of_an_international_body_does_not_take_the_texts_country() {
    let m = model(&[
        "Argentina reached a deal with the IMF. Argentina's Economy Minister Luis Caputo met \
         IMF Managing Director Kristalina Georgieva in Washington. Argentina's peso rose.",
    ]);
    assert_eq!(one(&m, "Luis Caputo").countries, ["Argentina"]);
    assert!(one(&m, "Kristalina Georgieva").countries.is_empty());
}

#[test]
fn a_role_at_a_body_links_the_person_to_it_and_gives_its_country() {
    let m = model(&[
        "Greek shipowner Aegean Crest Maritime filed a claim on Monday. \"We did nothing \
         wrong,\" Nikos Valassakis, chief executive of Aegean Crest, told reporters. Helen \
         Wragg, a spokeswoman for Marlowe, declined to comment. Elizabeth Rosenberg, a senior \
         fellow at the Center for a New American Security, said the claim would fail.",
    ]);
    let owner = same(&m, &["Aegean Crest Maritime", "Aegean Crest"]);
    assert_eq!(owner.kind, EntityType::Organization);
    assert_eq!(owner.countries, ["Greece"]);
    assert_eq!(
        linked(&m, "Nikos Valassakis", "Aegean Crest Maritime").as_deref(),
        Some("executive of")
    );
    assert_eq!(one(&m, "Nikos Valassakis").countries, ["Greece"]);
    assert_eq!(one(&m, "Marlowe").kind, EntityType::Organization);
    assert_eq!(
        one(&m, "Center for a New American Security").kind,
        EntityType::Organization
    );
}

#[test]
fn a_ministers_portfolio_is_part_of_the_title_not_of_the_name() {
    let m = model(&[
        "Minister of Energy and Mines Alfredo Cárdenas said the permit stands. The Ministry of \
         Energy and Mines rejected the claim. Minister for Enterprise, Tourism and Employment \
         Peter Burke spoke to the minister.",
    ]);
    assert_eq!(one(&m, "Alfredo Cárdenas").kind, EntityType::Person);
    assert_eq!(one(&m, "Peter Burke").kind, EntityType::Person);
    assert_eq!(
        one(&m, "Ministry of Energy and Mines").kind,
        EntityType::Organization
    );
    for wrong in [
        "Energy",
        "Mines Alfredo Cárdenas",
        "Tourism",
        "Employment Peter Burke",
    ] {
        assert!(
            !m.entities.iter().any(|e| e.name == wrong),
            "{wrong} is not an entity"
        );
    }
}

#[test]
fn honorifics_are_titles_and_a_given_name_alone_names_the_same_person() {
    let m = model(&[
        "Datuk Seri Rahmat Hashim denied the charges in Kuala Lumpur. Tan Sri Azam Baki said \
         Rahmat would be charged again. Public Prosecutor Nurul Huda told the court the money \
         moved.",
    ]);
    same(&m, &["Rahmat Hashim", "Rahmat"]);
    assert_eq!(one(&m, "Azam Baki").kind, EntityType::Person);
    assert_eq!(one(&m, "Nurul Huda").kind, EntityType::Person);
}

#[test]
fn the_last_words_of_a_bodys_name_name_it_later_and_a_towns_name_can_be_a_surname() {
    let m = model(&[
        "Argentina reached a deal with the International Monetary Fund. The Fund's board will \
         vote. The Philippine Coast Guard said a ship was hit. The Coast Guard said two were \
         hurt. Mohamed Abdi Farah, a district commissioner, said Farah had warned them.",
    ]);
    same(&m, &["International Monetary Fund", "Fund"]);
    let pcg = same(&m, &["Philippine Coast Guard", "Coast Guard"]);
    assert!(!pcg.countries.contains(&"United States".to_owned()));
    same(&m, &["Mohamed Abdi Farah", "Farah"]);
}

#[test]
fn a_place_the_data_does_not_know_in_a_text_about_one_country_is_in_it() {
    let m = model(&[
        "MOGADISHU, Somalia - Somali forces retook the village of Cowsweyne on Monday. Somalia's \
         army said al-Shabaab fighters fled toward Cal Miskaad. Somali officials said the \
         operation would go on. Hassan Ali Makki, a senior figure in the group's Radwan Force, \
         was not there.",
    ]);
    assert_eq!(one(&m, "Cowsweyne").countries, ["Somalia"]);
    assert_eq!(one(&m, "Hassan Ali Makki").kind, EntityType::Person);
}

#[test]
fn a_spokesman_for_the_ministry_speaks_for_the_ministry_named_before() {
    let m = model(&[
        "China's Ministry of Commerce condemned the decision. \"The US side has abused export \
         controls,\" ministry spokesman Lin Hao told a briefing in Beijing.",
    ]);
    assert_eq!(
        linked(&m, "Lin Hao", "Ministry of Commerce").as_deref(),
        Some("spokesman for")
    );
    assert_eq!(
        linked(&m, "United States", "Lin Hao").as_deref(),
        Some("mentioned with")
    );
    assert_eq!(one(&m, "Lin Hao").countries, ["China"]);
}

#[test]
fn a_president_in_a_text_about_one_country_is_its_president() {
    let m = model(&[
        "MOGADISHU, Somalia - Somali forces retook the town on Monday. Somalia's army said the \
         fighters fled. President Hassan Sheikh Mohamud declared total war on the insurgents.",
    ]);
    assert_eq!(
        linked(&m, "Hassan Sheikh Mohamud", "Somalia").as_deref(),
        Some("president of")
    );
}

#[test]
fn a_role_of_the_body_by_its_kind_links_to_the_body_named_before() {
    let m = model(&[
        "Microsoft was fined by the European Commission on Thursday. The decision was announced \
         by Teresa Ribera, the commission's executive vice-president, in Brussels.",
    ]);
    assert!(
        linked(&m, "Teresa Ribera", "European Commission").is_some_and(|l| l != "mentioned with")
    );
}

#[test]
fn a_lower_case_kind_after_a_name_is_part_of_it_and_a_place_is_also_named_without_it() {
    let m = model(&[
        "Fighters crossed the Shabelle river near the Lido beach. Police said members of the \
         Kavač clan met in Kotor.",
    ]);
    let river = one(&m, "Shabelle river");
    assert_eq!(river.kind, EntityType::Place);
    assert!(river.aliases.iter().any(|a| a == "Shabelle"));
    assert_eq!(one(&m, "Kavač clan").kind, EntityType::Organization);
    assert_eq!(one(&m, "Lido beach").kind, EntityType::Place);
}

#[test]
fn a_quoted_speaker_and_a_based_in_place_are_read_right() {
    let m = model(&[
        "\"Somali troops can take the lead,\" said Mohamed Abdi Farah, a security analyst at the \
         Mogadishu-based Hiraal Institute. Farah said al Shabaab still collected taxes.",
    ]);
    let farah = same(&m, &["Mohamed Abdi Farah", "Farah"]);
    assert_eq!(farah.kind, EntityType::Person);
    assert!(
        !farah.countries.contains(&"Afghanistan".to_owned()),
        "not the town of Farah"
    );
    assert_eq!(one(&m, "Hiraal Institute").countries, ["Somalia"]);
    assert_eq!(
        linked(&m, "Mohamed Abdi Farah", "Hiraal Institute").as_deref(),
        Some("analyst at")
    );
    assert_eq!(
        linked(&m, "Somalia", "Mohamed Abdi Farah").as_deref(),
        Some("mentioned with"),
        "the quote's names are not who he spoke to, and `the lead` is no leading"
    );
    assert_eq!(one(&m, "al Shabaab").name, "al-Shabaab");
}

#[test]
fn the_group_or_the_company_puts_the_body_named_before_in_the_sentence() {
    let m = model(&[
        "MOGADISHU, Feb 11 (Reuters) - Somali forces fought al-Shabaab near the coast. In August, \
         the group's fighters killed 32 people in an attack on Lido beach in Mogadishu. The \
         militants retook Cowsweyne.",
    ]);
    assert!(linked(&m, "al-Shabaab", "Lido beach").is_some());
    assert!(linked(&m, "al-Shabaab", "Cowsweyne").is_some());
    assert!(
        linked(&m, "Reuters", "Cowsweyne").is_none(),
        "the outlet is not the militants"
    );
}

#[test]
fn an_officials_body_and_nationality_come_from_the_title_and_the_apposition() {
    let m = model(&[
        "BRUSSELS (Reuters) - Belgium's ports were shut. Belgian officials said the deal was off. \
         Belgium's unions agreed. EU antitrust chief Teresa Ribera told a news conference in \
         Brussels. Ribera, a former Spanish environment minister, blocked the merger. The ruling \
         hurts, Siemens Healthineers Chief Executive Bernd Montag said.",
    ]);
    let ribera = one(&m, "Teresa Ribera");
    assert_eq!(ribera.countries, ["Spain"], "not Belgium, the dateline's");
    assert!(linked(&m, "Teresa Ribera", "European Union").is_some_and(|l| l != "mentioned with"));
    assert_eq!(one(&m, "Siemens Healthineers").countries, ["Germany"]);
    assert_eq!(
        linked(&m, "Bernd Montag", "Siemens Healthineers").as_deref(),
        Some("head of")
    );
    assert_eq!(one(&m, "Bernd Montag").countries, ["Germany"]);
}

#[test]
fn a_known_place_keeps_the_kind_written_after_it_and_island_is_no_country() {
    let m = model(&[
        "Ukrainian troops withdrew from the Kursk region on Monday. Marines once held Snake \
         Island. Kobe Steel said its Moka plant in Tochigi prefecture had falsified data. Police \
         raided ranches near São Félix do Xingu and the Apyterewa Indigenous territory.",
    ]);
    one(&m, "São Félix do Xingu");
    assert_eq!(
        one(&m, "Apyterewa Indigenous territory").kind,
        EntityType::Place
    );
    let kursk = one(&m, "Kursk region");
    assert_eq!(kursk.kind, EntityType::Place);
    assert!(kursk.countries.contains(&"Russia".to_owned()));
    assert!(!m.entities.iter().any(|e| e.name == "Iceland"));
    assert_eq!(one(&m, "Moka plant").kind, EntityType::Facility);
    assert!(
        one(&m, "Tochigi prefecture")
            .countries
            .contains(&"Japan".to_owned())
    );
}

#[test]
fn an_industry_word_ends_a_company_name_though_it_starts_with_a_given_name() {
    let m = model(&["Kobe Steel said its aluminium met the standard. Toyota used it."]);
    assert_eq!(one(&m, "Kobe Steel").kind, EntityType::Organization);
}

#[test]
fn a_pronoun_inside_a_sentence_naming_no_one_stands_for_the_person_before() {
    let m = model(&[
        "Police arrested Carlos Roncato at his home on Tuesday. Prosecutors in Belém said he \
         had sold cattle to Frigorífico Norte.",
    ]);
    assert!(
        linked(&m, "Carlos Roncato", "Frigorífico Norte").is_some(),
        "Roncato is in the sentence through `he`"
    );
    assert!(!one(&m, "Carlos Roncato").aliases.iter().any(|a| a == "he"));
    let m = model(&[
        "Swiss police detained Andrés Felipe Rojas in Zurich. His lawyer, Thomas Gerber, said \
         his client rejected all accusations.",
    ]);
    assert!(linked(&m, "Thomas Gerber", "Andrés Felipe Rojas").is_some());
}

#[test]
fn a_noun_naming_a_kind_stands_for_that_body_however_far_back() {
    let m = model(&[
        "The Election Commission of India issued notices to two candidates on Monday. \
         Opposition leaders called the move overdue. Rallies went on in Patna. Crowds were large. \
         In a separate order, the commission directed Meta to take down 340 advertisements.",
    ]);
    assert!(linked(&m, "Election Commission of India", "Meta").is_some());
    let m = model(&[
        "Hackers encrypted the servers of Olomouc University Hospital on Sunday. Doctors moved \
         to paper records. Researchers at ESET, who were brought in by the hospital, traced the \
         intrusion.",
    ]);
    assert!(linked(&m, "Olomouc University Hospital", "ESET").is_some());
    let m = model(&[
        "The Drug Enforcement Administration sent agents to Guayaquil. The agency has expanded \
         its presence in Ecuador since 2023.",
    ]);
    assert!(linked(&m, "Drug Enforcement Administration", "Ecuador").is_some());
}

#[test]
fn the_country_stands_for_the_country_named_last() {
    let m = model(&[
        "Gunfire rang out in Guinea-Bissau on Thursday. Troops loyal to the president regained \
         control. The ministry said flights to the country from Portugal were suspended.",
    ]);
    assert!(linked(&m, "Guinea-Bissau", "Portugal").is_some());
}

#[test]
fn the_first_word_of_a_company_name_names_it_and_the_full_name_is_shown() {
    let m = model(&[
        "Prosecutors raided Alpina Sports Rights AG in Zug. Alpina's chief executive, Marco \
         Zehnder, was questioned. Hisense paid Alpina for advertising rights.",
    ]);
    let alpina = same(&m, &["Alpina Sports Rights AG", "Alpina"]);
    assert_eq!(alpina.name, "Alpina Sports Rights AG");
    assert!(linked(&m, "Alpina", "Marco Zehnder").is_some());
    assert!(linked(&m, "Alpina", "Hisense").is_some());
}

#[test]
fn an_acronym_spells_out_the_whole_name_before_it_and_the_name_is_shown() {
    let m = model(&[
        "Dhaliwal was arrested by the Royal Canadian Mounted Police (RCMP) in Surrey. The RCMP \
         said the inquiry took two years. He was charged by the Commission to Investigate \
         Allegations of Bribery or Corruption (CIABOC) in Colombo. CIABOC officials declined to \
         comment, and CIABOC said more charges would follow.",
    ]);
    let rcmp = same(&m, &["Royal Canadian Mounted Police", "RCMP"]);
    assert_eq!(rcmp.kind, EntityType::Organization);
    assert_eq!(
        rcmp.name, "Royal Canadian Mounted Police",
        "not the acronym"
    );
    let ciaboc = same(
        &m,
        &[
            "Commission to Investigate Allegations of Bribery or Corruption",
            "CIABOC",
        ],
    );
    assert_eq!(
        ciaboc.name,
        "Commission to Investigate Allegations of Bribery or Corruption"
    );
    assert!(
        !m.entities
            .iter()
            .any(|e| e.name == "Royal" || e.name == "Bribery"),
        "no pieces left over"
    );
}

#[test]
fn a_country_named_inside_a_body_is_its_country_and_a_country_belongs_to_itself() {
    let m = model(&[
        "COLOMBO \u{2014} The former chairman of the Sri Lanka Ports Authority went on trial. \
         Critics in India had questioned the deal. Sri Lanka's government said it would appeal.",
    ]);
    assert_eq!(
        one(&m, "Sri Lanka Ports Authority").countries,
        ["Sri Lanka"]
    );
    assert_eq!(one(&m, "India").countries, ["India"]);
}

#[test]
fn a_story_is_set_where_its_dateline_is_when_another_country_is_named_about_as_often() {
    let m = model(&[
        "VANCOUVER \u{2014} A court in Canada upheld an order to extradite a man to the U.S. \
         U.S. prosecutors say he moved chemicals. U.S. officials welcomed the ruling. Canadian \
         police had arrested him. Canada's justice minister will decide. \
         Justice Laura McAllister wrote the ruling.",
    ]);
    assert_eq!(one(&m, "Laura McAllister").countries, ["Canada"]);
}

#[test]
fn a_name_set_off_after_a_role_or_before_an_age_is_a_person() {
    let m = model(&[
        "COLOMBO \u{2014} The former chairman of the Sri Lanka Ports Authority (SLPA), Ranjith \
         Abeysekera, went on trial on Monday. Sunil Pathirana, 58, was named in the indictment.",
    ]);
    assert_eq!(one(&m, "Ranjith Abeysekera").kind, EntityType::Person);
    assert_eq!(one(&m, "Sunil Pathirana").kind, EntityType::Person);
    let link = linked(&m, "Ranjith Abeysekera", "Sri Lanka Ports Authority");
    assert_eq!(link.as_deref(), Some("chairman of"), "the role is his");
    let dateline = linked(&m, "Colombo", "Sri Lanka Ports Authority");
    assert_eq!(
        dateline.as_deref(),
        Some("mentioned with"),
        "not the dateline's"
    );
}

#[test]
fn a_spelt_out_acronym_before_a_title_names_the_body_the_person_serves() {
    let m = model(&[
        "The Royal Canadian Mounted Police (RCMP) led the inquiry. RCMP Superintendent \
         Anne-Marie Leblanc said it took two years.",
    ]);
    assert!(linked(&m, "Anne-Marie Leblanc", "Royal Canadian Mounted Police").is_some());
}

#[test]
fn a_minister_in_a_text_mostly_about_one_country_holds_its_office() {
    let m = model(&[
        "Landowners shut a mine in Papua New Guinea. The Australian operator flew workers out. \
         Papua New Guinea's government called for calm. Australia's embassy said little. \
         Papua New Guinea police were sent. The mine is in Papua New Guinea's Hela Province. Prime Minister James Marape appealed for calm and \
         told reporters in Tari that talks would go on.",
    ]);
    assert!(linked(&m, "James Marape", "Papua New Guinea").is_some());
}

#[test]
fn a_chinese_family_name_after_a_western_given_name_names_the_person_alone() {
    let m = model(&[
        "Former banker Yvonne Chua Mei Ling told the court she managed the account. Chua said \
         she travelled to Geneva twice. Treasurer Rita Saffioti said the rate would rise.",
    ]);
    same(&m, &["Yvonne Chua Mei Ling", "Chua"]);
    assert_eq!(
        one(&m, "Rita Saffioti").kind,
        EntityType::Person,
        "not `Treasurer Rita …`"
    );
}

#[test]
fn a_role_held_for_another_person_links_the_two() {
    let m = model(&[
        "Investigators questioned Kamala Perera on Monday. The account belonged to Perera's \
         cousin, Nimal Silva. Payments went to Perera's brother-in-law, Sunil Pathirana.",
    ]);
    assert_eq!(
        linked(&m, "Nimal Silva", "Kamala Perera").as_deref(),
        Some("relative of")
    );
    assert_eq!(one(&m, "Sunil Pathirana").kind, EntityType::Person);
}

#[test]
fn an_office_named_with_a_possessive_or_for_a_place_is_read_whole() {
    let m = model(&[
        "Nishara Jayaratne of the Attorney General's Department spoke. The Prosecutor's Office \
         of Georgia accused him. A panel of the Court of Appeal for British Columbia dismissed \
         the appeal. Mexico's Attorney General's Office, known by its Spanish initials FGR, said \
         he was flown out. The FGR said more arrests would follow.",
    ]);
    for name in [
        "Attorney General's Department",
        "Prosecutor's Office of Georgia",
        "Court of Appeal for British Columbia",
    ] {
        assert_eq!(one(&m, name).kind, EntityType::Organization, "{name}");
    }
    same(&m, &["Attorney General's Office", "FGR"]);
}

#[test]
fn the_outlet_in_a_photo_credit_is_the_outlet_itself() {
    let m = model(&[
        "The Northern Dispatch\n\nCourt clears extradition\n\nBy Marie Tremblay | The Northern \
         Dispatch\n\nThe court ruled on Tuesday.\n\n(Darryl Nguyen/The Northern Dispatch)\n",
    ]);
    let outlet = one(&m, "Northern Dispatch");
    assert_eq!(outlet.kind, EntityType::Organization);
    assert!(linked(&m, "Darryl Nguyen", "Northern Dispatch").is_some());
}

#[test]
fn a_country_or_title_inside_a_body_name_stays_in_it_and_navigation_names_nothing() {
    let m = model(&[
        "NEWS \u{203a} CANADA \u{203a} CRIME\n\nChief Superintendent Thomas Peri, of the Royal \
         Papua New Guinea Constabulary, spoke. Investigators tied the group to the \
         Reconnaissance General Bureau. Four China Coast Guard vessels entered the area.",
    ]);
    assert_eq!(
        one(&m, "Royal Papua New Guinea Constabulary").kind,
        EntityType::Organization
    );
    assert_eq!(
        one(&m, "Reconnaissance General Bureau").kind,
        EntityType::Organization
    );
    assert!(
        one(&m, "China Coast Guard").name.starts_with("China"),
        "not `Four China …`"
    );
    assert!(
        !m.entities
            .iter()
            .any(|e| e.name == "CRIME" || e.name == "Guinea"),
        "{:?}",
        m.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_posted_by_stamp_names_the_writer_as_a_person() {
    let m = model(&[
        "Harbour strike ends\n\nPosted on October 13, 2017 by Hana Saadi | 4 comments\n\n\
         Dock workers in Sfax returned to work on Monday after a week-long strike, the \
         Tunisian General Labour Union said.",
    ]);
    assert_eq!(one(&m, "Hana Saadi").kind, EntityType::Person);
    assert!(
        !m.entities.iter().any(|e| e.name == "Posted"),
        "the stamp's first word is not a name"
    );
}

#[test]
fn a_description_ending_in_nation_stands_for_the_country_named_last() {
    let m = model(&[
        "Soldiers seized the state broadcaster in Burkina Faso on Friday. The African Union \
         said the small West African nation must return to civilian rule.",
    ]);
    assert!(linked(&m, "African Union", "Burkina Faso").is_some());
}

#[test]
fn a_place_before_governor_or_mayor_is_the_office_of_that_place() {
    let m = model(&[
        "Lagos Governor Babajide Sanwo-Olu said on Monday that relief would reach the coast \
         within a week.",
    ]);
    assert_eq!(
        linked(&m, "Babajide Sanwo-Olu", "Lagos").as_deref(),
        Some("leader in")
    );
    assert_eq!(one(&m, "Babajide Sanwo-Olu").countries, ["Nigeria"]);
}

#[test]
fn a_body_based_in_a_known_town_is_based_there_and_in_its_country() {
    let m = model(&["The Lima-based Andean Mining Corp denied paying the officials."]);
    assert_eq!(
        linked(&m, "Andean Mining Corp", "Lima").as_deref(),
        Some("based in")
    );
    assert_eq!(one(&m, "Andean Mining Corp").countries, ["Peru"]);
}

#[test]
fn an_adverb_or_a_plural_noun_opening_a_sentence_is_no_name() {
    let m = model(&[
        "Police in Panama arrested two men. Separately, customs seized a boat. Prosecutors \
         said the payments were routed through Panama. Payments stopped in May.",
    ]);
    let names: Vec<&str> = m.entities.iter().map(|e| e.name.as_str()).collect();
    for word in ["Separately", "Prosecutors", "Payments"] {
        assert!(!names.contains(&word), "{word} in {names:?}");
    }
}

#[test]
fn an_international_bodys_own_organ_is_one_body() {
    let m = model(&[
        "The United Nations Assistance Mission in Afghanistan condemned the attack. The United \
         Nations Security Council met on Tuesday, and a UN Security Council diplomat said a \
         vote was likely.",
    ]);
    let mission = one(&m, "United Nations Assistance Mission");
    assert_eq!(mission.kind, EntityType::Organization);
    same(
        &m,
        &["United Nations Security Council", "UN Security Council"],
    );
    assert!(
        !m.entities.iter().any(|e| e.name == "United Nations"),
        "no separate United Nations: {:?}",
        m.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn its_opening_a_sentence_puts_the_body_named_before_in_it() {
    let m = model(&[
        "Quilla Copper Corp. plans a mine near Cusco.\n\nQuilla, for its part, has been \
         careful. Its chief executive, Graham Whitlock, said in a statement that protest was \
         a right.",
    ]);
    assert!(linked(&m, "Graham Whitlock", "Quilla Copper Corp.").is_some());
}

#[test]
fn the_x_based_company_stands_for_the_body_named_before() {
    let m = model(&[
        "Aegean Crest Maritime filed a claim in London. The Piraeus-based company says its \
         tanker Kalliopi Star was boarded.",
    ]);
    assert!(linked(&m, "Aegean Crest Maritime", "Kalliopi Star").is_some());
}

#[test]
fn a_lower_case_site_noun_types_the_name_before_it() {
    let m = model(&[
        "Protesters blocked the road to the Constancia copper mine. Defenders of the Azovstal \
         steel plant came home. The missile was launched from the Sunan area of Pyongyang. \
         Rosa Quispe, president of the Chilloroya community, spoke. Migrants entered through \
         the Zokhawthar crossing at night.",
    ]);
    assert_eq!(one(&m, "Constancia").kind, EntityType::Facility);
    assert_eq!(one(&m, "Azovstal").kind, EntityType::Facility);
    assert_eq!(one(&m, "Sunan").kind, EntityType::Place);
    assert_eq!(one(&m, "Chilloroya").kind, EntityType::Place);
    assert_eq!(one(&m, "Zokhawthar").kind, EntityType::Place);
    let names: Vec<&str> = m.entities.iter().map(|e| e.name.as_str()).collect();
    for word in ["Protesters", "Defenders", "Migrants"] {
        assert!(!names.contains(&word), "{word} in {names:?}");
    }
}

#[test]
fn a_countrys_described_body_is_that_countrys_even_in_a_story_set_elsewhere() {
    let m = model(&[
        "SEOUL (Reuters) - South Korea said the launch was a violation. South Korean officials \
         met. Seoul condemned it.\n\nNorth Korea's state news agency KCNA did not immediately \
         report the launch.",
    ]);
    assert_eq!(one(&m, "KCNA").countries, ["North Korea"]);
}
