//! Photos beside a page: found relative to the page, decoded off the UI thread, drawn
//! with half-blocks in the rows the layout gave them (a `TestBackend` screen), and in a
//! pseudo-terminal: the first frame arrives with the placeholder, the photo after it,
//! and the terminal is restored on quit; `--no-images` keeps the placeholder. The
//! photos are made here with the image crate (a gradient of a few hundred bytes), in a
//! temporary directory laid out as converters write pages (`page.md`, `imgs/`).

use std::path::{Path, PathBuf};

use kanbao::action::Action;
use kanbao::layout::LayoutOptions;
use kanbao::layout::photo::{PhotoRoom, fit};
use kanbao::state::{AppState, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use crate::pty::{Launch, Pty};

const PAGE: &str = "# 春耕时节田间忙\n\n正文第一段，农民在田间忙碌，播下一年的希望。\n\n\
![春耕图](imgs/photo.png)\n\n正文第二段，合作社的农机在地头待命。\n";

/// A fresh directory holding `page.md` (with `page`) and `imgs/photo.png`
/// (`w`×`h` px).
fn page_dir(name: &str, page: &str, w: u32, h: u32) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kanbao-it-photo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("imgs")).expect("make the page's directory");
    std::fs::write(dir.join("page.md"), page).expect("write the page");
    if w > 0 {
        gradient(w, h)
            .save(dir.join("imgs/photo.png"))
            .expect("write the photo");
    }
    dir
}

fn gradient(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
    })
}

fn page_path(dir: &Path) -> String {
    dir.join("page.md").to_string_lossy().into_owned()
}

/// A reader on the page of `dir` with photos on at 10×20 px cells, every photo on
/// screen decoded (here, synchronously) and applied as the event loop would.
fn reader_with_photos(dir: &Path, cols: u16, rows: u16) -> AppState {
    let path = page_path(dir);
    let text = std::fs::read_to_string(&path).expect("read the page");
    let doc = kanbao::input::document_from_str(&path, &text, "UTF-8", Vec::new());
    let mut state = AppState::new(vec![doc], LayoutOptions::default(), cols, rows);
    state.enable_photos((10, 20));
    let requests = kanbao::state::photos::wanted(&mut state);
    assert_eq!(requests.len(), 1, "one photo on screen");
    for request in requests {
        update(
            &mut state,
            Action::PhotoDecoded(kanbao::photo::load(&request)),
        );
    }
    state
}

/// Each pane row as `#` (a photo cell: colours from the image) or the row's text.
fn screen_map(state: &AppState, cols: u16, rows: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
    terminal.draw(|f| kanbao::ui::draw(f, state)).expect("draw");
    let buf = terminal.backend().buffer();
    (0..rows)
        .map(|y| {
            let photo = (0..cols)
                .filter(|&x| {
                    let cell = &buf[(x, y)];
                    matches!(cell.bg, Color::Rgb(..)) && matches!(cell.fg, Color::Rgb(..))
                })
                .count();
            if photo > 0 {
                format!("#{photo}")
            } else {
                // Text without the blank cells (a wide character's second cell among
                // them), so that `春耕图` reads as one word.
                (0..cols)
                    .map(|x| buf[(x, y)].symbol())
                    .filter(|s| !s.trim().is_empty())
                    .collect::<String>()
            }
        })
        .collect()
}

#[test]
fn half_blocks_fill_the_rows_the_layout_computed() {
    let dir = page_dir("blocks", PAGE, 200, 100);
    let (cols, rows) = (60, 30);
    let state = reader_with_photos(&dir, cols, rows);
    let text = state.geometry().text;
    let size = fit(
        (200, 100),
        &PhotoRoom {
            width: text.width,
            height: text.height,
            cell: (10, 20),
        },
    )
    .expect("room for the photo");
    // 200×100 px at 10×20 px cells: 20 columns, 5 rows.
    assert_eq!((size.cols, size.rows), (20, 5));
    let map = screen_map(&state, cols, rows);
    let photo_rows: Vec<usize> = (0..map.len())
        .filter(|&y| map[y].starts_with('#'))
        .collect();
    assert_eq!(photo_rows.len(), usize::from(size.rows), "{map:#?}");
    // One block of rows, each the photo's full width, its caption line under it.
    let first = photo_rows[0];
    assert_eq!(
        photo_rows,
        (first..first + 5).collect::<Vec<_>>(),
        "{map:#?}"
    );
    assert!(photo_rows.iter().all(|&y| map[y] == "#20"), "{map:#?}");
    let below = &map[first + 5];
    assert!(
        below.contains("[img]") && below.contains("春耕图"),
        "{map:#?}"
    );
    // The text after the photo is still there, pushed down by it.
    assert!(map.iter().any(|r| r.contains("合作社")), "{map:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scrolling_moves_the_photo_with_its_rows() {
    let long = format!("{PAGE}{}", "\n后文一段，写满一行又一行。\n".repeat(40));
    let dir = page_dir("scroll", &long, 200, 100);
    let (cols, rows) = (60, 30);
    let mut state = reader_with_photos(&dir, cols, rows);
    let before = screen_map(&state, cols, rows);
    let first = before.iter().position(|r| r.starts_with('#')).unwrap();
    update(&mut state, Action::MoveDown);
    update(&mut state, Action::MoveDown);
    let after = screen_map(&state, cols, rows);
    assert_eq!(
        after.iter().position(|r| r.starts_with('#')),
        Some(first - 2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_or_hostile_photo_stays_the_placeholder() {
    type Make<'a> = &'a dyn Fn(&Path);
    let cases: [(&str, Make); 4] = [
        ("missing", &|_| {}),
        ("empty", &|d| {
            std::fs::write(d.join("imgs/photo.png"), b"").unwrap();
        }),
        ("directory", &|d| {
            std::fs::create_dir_all(d.join("imgs/photo.png")).unwrap();
        }),
        ("bomb", &|d| {
            std::fs::write(d.join("imgs/photo.png"), bomb_png(200_000, 200_000)).unwrap();
        }),
    ];
    for (name, make) in cases {
        let dir = page_dir(&format!("hostile-{name}"), PAGE, 0, 0);
        make(&dir);
        let state = reader_with_photos(&dir, 60, 30);
        let map = screen_map(&state, 60, 30);
        assert!(!map.iter().any(|r| r.starts_with('#')), "{name}: {map:#?}");
        assert!(
            map.iter()
                .any(|r| r.contains("[img]") && r.contains("春耕图")),
            "{name}: {map:#?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn dump_text_prints_the_placeholder_never_image_bytes() {
    let dir = page_dir("dump", PAGE, 200, 100);
    let out = crate::home::kanbao()
        .args(["--dump", "text", "--width", "40"])
        .arg(dir.join("page.md"))
        .output()
        .expect("run kanbao");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.lines()
            .any(|l| l.contains("[img]") && l.contains("春耕图")),
        "{text}"
    );
    assert!(!text.contains('\u{1b}') && !text.contains('▀'), "{text}");
    // The JSON dump gives the image block its link.
    let out = crate::home::kanbao()
        .args(["--dump", "json"])
        .arg(dir.join("page.md"))
        .output()
        .expect("run kanbao");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let image = value["documents"][0]["articles"][0]["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .find(|b| b["kind"] == "image")
        .cloned()
        .expect("an image block");
    assert_eq!(image["src"], "imgs/photo.png");
    assert_eq!(image["text"], "春耕图");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Cells of the pane whose background is a true colour (half-blocks of a photo).
fn photo_cells(screen: &vt100::Screen) -> usize {
    let (rows, cols) = screen.size();
    let mut n = 0;
    for y in 0..rows.get() {
        for x in 0..cols.get() {
            if screen
                .cell(y, x)
                .is_some_and(|c| matches!(c.bgcolor(), vt100::Color::Rgb(..)))
            {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn the_first_frame_comes_before_the_photo_and_quitting_restores_the_terminal() {
    let dir = page_dir("pty", PAGE, 400, 200);
    let page = page_path(&dir);
    let mut s = Pty::start(&Launch {
        args: &[&page],
        term: "xterm-256color",
        cols: 100,
        rows: 30,
        ..Launch::default()
    });
    s.wait_for("the first frame with the caption", |screen| {
        screen.contents().contains("春耕图")
    });
    s.wait_for("the photo in half-blocks", |screen| {
        photo_cells(screen) >= 20
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
    // The placeholder was on the terminal before the photo's first true colour.
    let raw = String::from_utf8_lossy(&s.raw);
    let placeholder = raw.find("[img]").expect("the placeholder was drawn");
    // crossterm may set both colours in one sequence (`38;2;…;48;2;…m`).
    let photo = raw.find("48;2;").expect("the photo was drawn");
    assert!(placeholder < photo, "the photo came before the first frame");
    // No graphics protocol was spoken to a terminal that did not name one.
    assert!(
        !raw.contains("\u{1b}_G") && !raw.contains("\u{1b}]1337"),
        "kitty/iTerm2 bytes"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_images_keeps_the_placeholder_line() {
    let dir = page_dir("pty-off", PAGE, 400, 200);
    let page = page_path(&dir);
    let mut s = Pty::start(&Launch {
        args: &[&page, "--no-images"],
        term: "xterm-256color",
        cols: 100,
        rows: 30,
        ..Launch::default()
    });
    s.wait_for("the placeholder and the text after it", |screen| {
        let text = screen.contents();
        text.contains("[img]") && text.contains("春耕图") && text.contains("合作社")
    });
    // Give a photo (there must be none) time to arrive: read what the reader sends.
    for _ in 0..5 {
        s.read_chunk(std::time::Duration::from_millis(100));
    }
    assert_eq!(photo_cells(s.parser.screen()), 0);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A PNG signature and an IHDR chunk for a `w`×`h` image, and no pixels.
fn bomb_png(w: u32, h: u32) -> Vec<u8> {
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&w.to_be_bytes());
    chunk.extend_from_slice(&h.to_be_bytes());
    chunk.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&crc32fast::hash(&chunk).to_be_bytes());
    out
}
