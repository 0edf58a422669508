//! GraphML and CSV exports read back with real readers.

use std::collections::{BTreeMap, BTreeSet};

use linkchart::chart::visible;
use linkchart::export;
use linkchart::model::EntityId;
use linkchart::scene::synthetic::synthetic;
use resvg::usvg::roxmltree;

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

#[test]
fn graphml_reads_back_with_the_same_nodes_edges_and_attributes() {
    let (mut model, mut chart) = synthetic(40, 90, 5);
    chart.hidden.insert(EntityId(2));
    // Markup in names must survive.
    model.entities[0].name = "A & B <\"quoted\">".into();
    let view = visible(&model, &chart);
    let xml = export::graphml(&model, &chart, &view);
    let doc = roxmltree::Document::parse(&xml).expect("GraphML is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name((GRAPHML_NS, "graphml")));

    // Every data key is declared, with a domain, name and type.
    let keys: BTreeMap<&str, (&str, &str)> = root
        .children()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "key")))
        .map(|k| {
            (
                k.attribute("id").unwrap(),
                (
                    k.attribute("for").unwrap(),
                    k.attribute("attr.name").unwrap(),
                ),
            )
        })
        .collect();
    let graph = root
        .children()
        .find(|n| n.has_tag_name((GRAPHML_NS, "graph")))
        .unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));

    let mut node_ids = BTreeSet::new();
    let mut names = BTreeMap::new();
    for node in graph
        .children()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "node")))
    {
        let id = node.attribute("id").unwrap().to_owned();
        for d in node.children().filter(|n| n.is_element()) {
            let key = d.attribute("key").unwrap();
            assert_eq!(keys[key].0, "node", "node data uses a node key");
            if keys[key].1 == "label" {
                names.insert(id.clone(), d.text().unwrap_or("").to_owned());
            }
        }
        node_ids.insert(id);
    }
    let expected: BTreeSet<String> = view.entities.iter().map(|e| e.to_string()).collect();
    assert_eq!(node_ids, expected);
    assert!(!node_ids.contains("e2"));
    assert_eq!(names["e0"], "A & B <\"quoted\">");

    let mut edges = BTreeSet::new();
    for edge in graph
        .children()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "edge")))
    {
        let (s, t) = (
            edge.attribute("source").unwrap(),
            edge.attribute("target").unwrap(),
        );
        assert!(
            node_ids.contains(s) && node_ids.contains(t),
            "edge ends are nodes"
        );
        let attrs: BTreeMap<&str, &str> = edge
            .children()
            .filter(|n| n.is_element())
            .map(|d| (keys[d.attribute("key").unwrap()].1, d.text().unwrap_or("")))
            .collect();
        assert!(["confirmed", "unconfirmed", "tentative"].contains(&attrs["confidence"]));
        assert!(attrs.contains_key("evidence") && attrs.contains_key("documents"));
        edges.insert(edge.attribute("id").unwrap().to_owned());
    }
    let expected: BTreeSet<String> = view.links.iter().map(|l| l.to_string()).collect();
    assert_eq!(edges, expected);
}

#[test]
fn csv_tables_round_trip() {
    let (mut model, chart) = synthetic(25, 60, 9);
    model.entities[1].name = "Comma, \"Quote\" and\nnewline".into();
    let view = visible(&model, &chart);
    let tables = export::csv(&model, &chart, &view).unwrap();

    let mut r = csv::Reader::from_reader(tables.links.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[0], "From ID");
    assert_eq!(header[9], "To ID");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), view.links.len());
    for (row, id) in rows.iter().zip(&view.links) {
        let link = model.link(*id).unwrap();
        assert_eq!(&row[4], link.id.to_string());
        assert_eq!(&row[0], link.from.to_string());
        assert_eq!(&row[1], model.entity(link.from).unwrap().name);
        assert_eq!(&row[5], link.label);
        assert!(["Confirmed", "Unconfirmed", "Tentative"].contains(&&row[7]));
    }

    let mut r = csv::Reader::from_reader(tables.entities.as_slice());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), view.entities.len());
    assert_eq!(&rows[1][1], "Comma, \"Quote\" and\nnewline");
    let x: f32 = rows[1][7].parse().unwrap();
    assert_eq!(x, chart.positions[&EntityId(1)][0]);
}

#[test]
fn csv_export_writes_both_files_beside_each_other() {
    let (model, chart) = synthetic(5, 6, 1);
    let view = visible(&model, &chart);
    let tables = export::csv(&model, &chart, &view).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.csv");
    export::write_atomic(&export::entities_path(&out), &tables.entities).unwrap();
    export::write_atomic(&out, &tables.links).unwrap();
    assert!(dir.path().join("chart.entities.csv").exists());
    assert_eq!(std::fs::read(&out).unwrap(), tables.links);
}
