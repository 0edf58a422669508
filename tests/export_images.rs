//! SVG and PNG exports: valid, complete, the asked size, and alike to the screen.

use linkchart::chart::{ChartState, visible};
use linkchart::export::{self, Background, ExportOptions, Region, Size};
use linkchart::model::{EntityId, Model};
use linkchart::scene::synthetic::synthetic;
use linkchart::scene::{Bounds, Scene, SceneOptions, build_scene};

fn scene_of(model: &Model, chart: &ChartState) -> Scene {
    build_scene(
        model,
        chart,
        &visible(model, chart),
        &SceneOptions::default(),
    )
}

fn small_chart() -> (Model, ChartState) {
    synthetic(24, 40, 3)
}

/// Every `<text>` in the SVG, as the text a reader sees.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = resvg::usvg::roxmltree::Document::parse(svg).expect("SVG is well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn svg_parses_back_and_labels_exactly_the_visible_entities() {
    let (model, mut chart) = small_chart();
    chart.hidden.insert(EntityId(5));
    chart
        .filters
        .hidden_types
        .insert(linkchart::model::EntityType::Event);
    let scene = scene_of(&model, &chart);
    let svg = export::svg(&scene, &ExportOptions::default());

    let opts = resvg::usvg::Options {
        fontdb: export::font_database(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &opts).expect("usvg parses the export");
    assert!(tree.size().width() > 100.0);

    let texts = svg_texts(&svg);
    let view = visible(&model, &chart);
    for e in &model.entities {
        let shown = view.contains(e.id);
        let present = texts.iter().any(|t| t == &e.name);
        assert_eq!(shown, present, "{} shown={shown} in svg={present}", e.name);
    }
    assert!(!texts.iter().any(|t| t == "person 5"));
    assert!(!texts.iter().any(|t| t.starts_with("event ")));
    // Legend and caption are there too.
    assert!(texts.iter().any(|t| t.starts_with("Filters: ")));
    assert!(texts.iter().any(|t| t == "confirmed (two or more sources)"));
}

#[test]
fn svg_of_an_area_leaves_out_what_is_outside() {
    let (model, chart) = small_chart();
    let scene = scene_of(&model, &chart);
    let first = &scene.nodes[0];
    let area = Bounds::from_corners(first.center, first.center).expand(first.radius + 1.0);
    let inside: Vec<&str> = scene
        .nodes
        .iter()
        .filter(|n| n.bounds().intersects(&area))
        .map(|n| n.label.as_str())
        .collect();
    let opts = ExportOptions {
        region: Region::Area(area),
        legend: false,
        caption: false,
        ..ExportOptions::default()
    };
    let texts = svg_texts(&export::svg(&scene, &opts));
    let node_texts: Vec<&String> = texts
        .iter()
        .filter(|t| scene.nodes.iter().any(|n| &n.label == *t))
        .collect();
    assert_eq!(node_texts.len(), inside.len());
    assert!(inside.len() < scene.nodes.len());
}

fn decode(png: &[u8]) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::decode_png(png).expect("the PNG decodes")
}

#[test]
fn png_has_the_asked_width_and_is_not_blank() {
    let (model, chart) = small_chart();
    let scene = scene_of(&model, &chart);
    let opts = ExportOptions {
        size: Size::Width(800),
        ..ExportOptions::default()
    };
    let png = export::png(&scene, &opts).unwrap();
    let pix = decode(&png);
    assert_eq!(pix.width(), 800);
    let layout = export::layout(&scene, &opts);
    assert_eq!(pix.height(), layout.height);
    // Many colours and a fair share of non-white pixels: a drawn chart.
    let non_white = pix
        .pixels()
        .iter()
        .filter(|p| p.red() < 240 || p.green() < 240 || p.blue() < 240)
        .count();
    assert!(
        non_white > pix.pixels().len() / 50,
        "{non_white} non-white pixels"
    );
    let mut colors: Vec<[u8; 3]> = pix
        .pixels()
        .iter()
        .map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    colors.sort_unstable();
    colors.dedup();
    assert!(colors.len() > 50);
}

#[test]
fn png_scales_and_can_be_transparent() {
    let (model, chart) = small_chart();
    let scene = scene_of(&model, &chart);
    let one = ExportOptions {
        background: Background::Transparent,
        legend: false,
        caption: false,
        ..ExportOptions::default()
    };
    let two = ExportOptions {
        size: Size::Scale(2.0),
        ..one.clone()
    };
    let p1 = decode(&export::png(&scene, &one).unwrap());
    let p2 = decode(&export::png(&scene, &two).unwrap());
    assert!((p2.width() as i64 - 2 * p1.width() as i64).abs() <= 1);
    assert!((p2.height() as i64 - 2 * p1.height() as i64).abs() <= 1);
    // The corner is outside every shape: fully transparent.
    assert_eq!(p1.pixel(0, 0).map(|p| p.alpha()), Some(0));
    assert!(p1.pixels().iter().any(|p| p.alpha() == 255));
}

#[test]
fn oversized_and_bad_sizes_are_errors_not_panics() {
    let (model, chart) = small_chart();
    let scene = scene_of(&model, &chart);
    let huge = ExportOptions {
        size: Size::Scale(1000.0),
        ..ExportOptions::default()
    };
    assert!(matches!(
        export::png(&scene, &huge),
        Err(export::ExportError::TooLarge { .. })
    ));
    let bad = ExportOptions {
        size: Size::Scale(f32::NAN),
        ..ExportOptions::default()
    };
    assert!(export::png(&scene, &bad).is_err());
}

#[test]
fn empty_chart_still_exports() {
    let model = Model::default();
    let chart = ChartState::default();
    let scene = scene_of(&model, &chart);
    let png = export::png(&scene, &ExportOptions::default()).unwrap();
    assert!(decode(&png).width() > 0);
}
