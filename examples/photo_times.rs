//! Times what photos cost: decoding (and downscaling) a camera-sized JPEG and PNG to a
//! pane, and the first frame of a page with and without its photo, drawn into
//! ratatui's `TestBackend` with half-blocks. Run it by hand in release:
//!
//! ```text
//! cargo run --release --example photo_times [-- DIR]
//! ```
//!
//! With `DIR` it also leaves the JPEG at `DIR/imgs/photo.jpg`, for timing the binary
//! on a page beside it.
//!
//! It writes its photos (a 3000×2000 gradient with noise, as JPEG and PNG) to a
//! temporary directory, prints medians of several runs and the process's peak
//! resident memory. Timings are not asserted anywhere: this is a measuring tool.

use std::time::{Duration, Instant};

use kanbao::action::Action;
use kanbao::layout::LayoutOptions;
use kanbao::layout::photo::PhotoRoom;
use kanbao::photo::{PhotoRequest, decode, load};
use kanbao::state::{AppState, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RUNS: usize = 7;
const PAGE: &str = "# 春耕时节田间忙\n\n正文第一段，农民在田间忙碌。\n\n![春耕图](imgs/photo.jpg)\n\n正文第二段。\n";

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn first_frame(path: &str, text: &str, photos: bool) -> Duration {
    time(|| {
        let doc = kanbao::input::document_from_str(path, text, "UTF-8", Vec::new());
        let mut state = AppState::new(vec![doc], LayoutOptions::default(), 120, 40);
        if photos {
            state.enable_photos((10, 20));
            // What the event loop does after the first frame: here, before it, to
            // time a frame that draws the photo.
            for request in kanbao::state::photos::wanted(&mut state) {
                update(&mut state, Action::PhotoDecoded(load(&request)));
            }
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| kanbao::ui::draw(f, &state))
            .expect("draw");
    })
}

fn main() {
    let dir = std::env::temp_dir().join(format!("kanbao-photo-times-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("imgs")).expect("temp dir");
    let mut seed = 1u32;
    let photo = image::RgbImage::from_fn(3000, 2000, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let noise = (seed >> 24) as u8 / 8;
        image::Rgb([
            (x * 255 / 3000) as u8 ^ noise,
            (y * 255 / 2000) as u8,
            noise * 4,
        ])
    });
    let jpg = dir.join("imgs/photo.jpg");
    let png = dir.join("imgs/photo.png");
    photo.save(&jpg).expect("write jpeg");
    photo.save(&png).expect("write png");
    if let Some(out) = std::env::args().nth(1) {
        let out = std::path::Path::new(&out).join("imgs");
        std::fs::create_dir_all(&out).expect("DIR/imgs");
        photo
            .save(out.join("photo.jpg"))
            .expect("write DIR/imgs/photo.jpg");
    }
    drop(photo);
    let page = dir.join("page.md");
    std::fs::write(&page, PAGE).expect("write page");
    let room = PhotoRoom {
        width: 120,
        height: 40,
        cell: (10, 20),
    };
    let max = room.max_pixels();
    let size = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len() / 1024);
    println!(
        "3000×2000 photo: JPEG {} KiB, PNG {} KiB; pane 120×40 → at most {}×{} px",
        size(&jpg),
        size(&png),
        max.0,
        max.1
    );
    for (name, path) in [("JPEG", &jpg), ("PNG", &png)] {
        let t = time(|| {
            decode(path, max).expect("decode");
        });
        println!(
            "decode + downscale {name}: median {:.1} ms",
            t.as_secs_f64() * 1e3
        );
    }
    let request = PhotoRequest {
        key: (0, 0),
        page: page.to_string_lossy().into_owned(),
        src: "imgs/photo.jpg".into(),
        max,
    };
    let kept = load(&request).image.expect("decoded");
    println!(
        "kept in memory: {}×{} px ({} KiB)",
        kept.width(),
        kept.height(),
        kept.as_bytes().len() / 1024
    );
    let path = page.to_string_lossy().into_owned();
    let without = first_frame(&path, PAGE, false);
    let with = first_frame(&path, PAGE, true);
    println!(
        "first frame, placeholder only: median {:.2} ms; with the photo decoded and drawn: {:.2} ms",
        without.as_secs_f64() * 1e3,
        with.as_secs_f64() * 1e3
    );
    // The frame that shows a decoded photo: encoding it to half-blocks the first time,
    // then a redraw (the encoding is cached).
    let doc = kanbao::input::document_from_str(&path, PAGE, "UTF-8", Vec::new());
    let mut state = AppState::new(vec![doc], LayoutOptions::default(), 120, 40);
    state.enable_photos((10, 20));
    for request in kanbao::state::photos::wanted(&mut state) {
        update(&mut state, Action::PhotoDecoded(load(&request)));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let first = time(|| {
        kanbao::ui::photos::set_active(kanbao::ui::photos::Protocol::Halfblocks, (10, 20));
        terminal
            .draw(|f| kanbao::ui::draw(f, &state))
            .expect("draw");
    });
    let again = time(|| {
        terminal
            .draw(|f| kanbao::ui::draw(f, &state))
            .expect("draw");
    });
    println!(
        "frame showing the decoded photo: first {:.2} ms (half-block encoding), redraw {:.2} ms",
        first.as_secs_f64() * 1e3,
        again.as_secs_f64() * 1e3
    );
    println!("peak RSS: {} MiB", peak_rss_kib() / 1024);
    let _ = std::fs::remove_dir_all(&dir);
}
