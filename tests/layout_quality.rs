//! The force layout on graphs an analyst would recognise: readable, deterministic, and it
//! never moves what the analyst pinned.

use linkchart::layout::{
    ForceLayout, ForceParams, Graph, barabasi_albert, quality, random_positions,
};

fn settle(graph: Graph, pinned: Vec<bool>, seed: u64) -> ForceLayout {
    let n = graph.node_count();
    let mut layout = ForceLayout::new(
        graph,
        random_positions(n, 100.0, seed),
        pinned,
        ForceParams::default(),
    )
    .expect("valid input");
    layout.run(3000);
    layout
}

#[test]
fn a_scale_free_graph_settles_with_short_edges_and_no_piles() {
    let n = 2000;
    let graph = Graph::from_edges(n, &barabasi_albert(n, 2, 11));
    let start = random_positions(n, 100.0, 3);
    let before = quality(&graph, &start, 1);
    let layout = settle(graph, vec![false; n], 3);
    assert!(layout.is_settled(), "settled on its own within the budget");
    let q = quality(layout.graph(), layout.positions(), 1);
    // At random, edges are as long as any pair; laid out, much shorter.
    assert!(before.edge_to_pair_ratio > 0.9, "{before:?}");
    assert!(q.edge_to_pair_ratio < 0.5, "{q:?}");
    assert!(q.pile_fraction < 0.001, "{q:?}");
    assert!(
        layout
            .positions()
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
}

#[test]
fn disconnected_components_and_lone_nodes_stay_close() {
    // Ten separate scale-free pieces of 60 nodes and 40 isolated nodes.
    let mut edges = Vec::new();
    for k in 0..10u32 {
        edges.extend(
            barabasi_albert(60, 2, k as u64)
                .into_iter()
                .map(|(a, b)| (a + 60 * k, b + 60 * k)),
        );
    }
    let n = 640;
    let layout = settle(Graph::from_edges(n, &edges), vec![false; n], 5);
    let q = quality(layout.graph(), layout.positions(), 1);
    // The whole chart spans a few dozen edge lengths, not thousands.
    assert!(q.extent < 2.0 * (n as f32).sqrt(), "{q:?}");
    assert!(q.pile_fraction < 0.001, "{q:?}");
    assert!(q.median_edge > 20.0 && q.median_edge < 400.0, "{q:?}");
}

#[test]
fn the_same_input_gives_the_same_layout_on_any_number_of_threads() {
    let n = 3000;
    let graph = Graph::from_edges(n, &barabasi_albert(n, 3, 2));
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| {
            let mut l = ForceLayout::new(
                graph.clone(),
                random_positions(n, 100.0, 9),
                vec![false; n],
                ForceParams::default(),
            )
            .expect("valid input");
            for _ in 0..60 {
                l.step();
            }
            l.into_positions()
        })
    };
    let one = run(1);
    assert_eq!(one, run(1));
    assert_eq!(one, run(2));
}

#[test]
fn pinned_nodes_never_move_and_the_rest_arrange_around_them() {
    let n = 500;
    let graph = Graph::from_edges(n, &barabasi_albert(n, 2, 4));
    let mut pinned = vec![false; n];
    for i in (0..n).step_by(50) {
        pinned[i] = true;
    }
    let start = random_positions(n, 100.0, 8);
    let mut layout = ForceLayout::new(graph, start.clone(), pinned.clone(), ForceParams::default())
        .expect("valid");
    layout.run(3000);
    for i in 0..n {
        if pinned[i] {
            assert_eq!(layout.positions()[i], start[i], "pinned node {i} moved");
        }
    }
    let q = quality(layout.graph(), layout.positions(), 1);
    assert!(q.edge_to_pair_ratio < 0.6, "{q:?}");

    // The analyst drags node 1 far away: it stays there, and its neighbours follow a little.
    let neighbour = layout.graph().neighbours(1)[0] as usize;
    let before = layout.positions()[neighbour];
    let target = [before[0] + 3000.0, before[1]];
    layout.pin(1, target);
    assert!(!layout.is_settled(), "a pin wakes the layout");
    layout.run(3000);
    assert_eq!(layout.positions()[1], target);
    if !layout.is_pinned(neighbour) {
        assert!(
            layout.positions()[neighbour][0] > before[0],
            "the neighbour was pulled along"
        );
    }
}

#[test]
fn mismatched_input_is_an_error() {
    let graph = Graph::from_edges(3, &[(0, 1), (1, 2)]);
    assert!(
        ForceLayout::new(
            graph.clone(),
            vec![[0.0; 2]; 2],
            vec![false; 3],
            ForceParams::default()
        )
        .is_err()
    );
    let bad = ForceParams {
        edge_length: 0.0,
        ..ForceParams::default()
    };
    assert!(ForceLayout::new(graph, vec![[0.0; 2]; 3], vec![false; 3], bad).is_err());
}
