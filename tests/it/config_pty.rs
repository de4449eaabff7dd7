//! Issue 13's configuration, themes and safety of state, in a pseudo-terminal: a key
//! rebound by action name, the light theme's colours, `NO_COLOR`, and a broken
//! config or state file that costs one warning, never the page.

use crate::home::Home;
use crate::pty::{Launch, Pty, status_row};

fn start(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Pty {
    let mut p = Pty::start(&Launch {
        args,
        cols: 160,
        rows: 30,
        home: Some(home),
        env,
        ..Launch::default()
    });
    p.wait_for("the reader", |s| status_row(s).contains('%'));
    p
}

/// Every cell of the screen above the status line.
fn cells(screen: &vt100::Screen) -> Vec<vt100::Cell> {
    let (rows, cols) = screen.size();
    (0..rows.get() - 1)
        .flat_map(|y| (0..cols.get()).filter_map(move |x| screen.cell(y, x).cloned()))
        .collect()
}

#[test]
fn a_key_rebound_by_name_quits_and_the_light_theme_colours_matches() {
    let home = Home::new();
    home.write_config("theme = \"light\"\n\n[keys]\nQuit = \"x\"\n");
    let mut p = start(&home, &["--keywords", "0", "--search", "平城"], &[]);
    p.wait_for("the matches", |s| status_row(s).contains("match"));
    let screen = p.parser.screen().clone();
    let bgs: Vec<vt100::Color> = cells(&screen).iter().map(vt100::Cell::bgcolor).collect();
    // light: matches on light yellow (11), the current one on red (1); dark's yellow
    // (3) and light red (9) are nowhere.
    assert!(bgs.contains(&vt100::Color::Idx(11)), "no light match");
    assert!(bgs.contains(&vt100::Color::Idx(1)), "no current match");
    assert!(!bgs.contains(&vt100::Color::Idx(3)) && !bgs.contains(&vt100::Color::Idx(9)));
    // q no longer quits (Quit's keys are x alone); x does.
    p.send("q");
    p.send("G");
    p.wait_for("still open after q", |s| status_row(s).contains("100%"));
    assert_eq!(p.quit_with("x"), 0);
}

#[test]
fn no_color_draws_the_current_match_reversed_and_bold_without_colour() {
    let home = Home::new();
    let mut p = start(
        &home,
        &["--keywords", "0", "--search", "平城"],
        &[("NO_COLOR", "1")],
    );
    p.wait_for("the matches", |s| status_row(s).contains("match"));
    let screen = p.parser.screen().clone();
    let all = cells(&screen);
    assert!(
        all.iter()
            .any(|c| c.inverse() && c.bold() && c.contents() == "平"),
        "the current match is reversed and bold"
    );
    assert!(
        all.iter()
            .any(|c| c.inverse() && !c.bold() && c.contents() == "平")
    );
    assert!(
        all.iter()
            .all(|c| c.bgcolor() == vt100::Color::Default && c.fgcolor() == vt100::Color::Default),
        "no colour at all"
    );
    assert_eq!(p.quit(), 0);
}

#[test]
fn a_config_with_a_syntax_error_is_one_warning_and_the_page_opens() {
    let home = Home::new();
    let broken = "indent = 4\n[keys\nQuit = \"x\"\n";
    home.write_config(broken);
    let mut p = start(&home, &["--keywords", "0"], &[]);
    p.wait_for("the warning", |s| {
        status_row(s).contains("config.toml line 2:")
    });
    let screen = p.parser.screen().contents();
    assert_eq!(screen.matches("config.toml").count(), 1, "one warning");
    assert!(screen.contains("平城区"), "the page is open");
    // The defaults: q quits.
    assert_eq!(p.quit(), 0);
    let config = home.config().join("config.toml");
    assert_eq!(
        std::fs::read_to_string(config).unwrap(),
        broken,
        "never rewritten"
    );
}

#[test]
fn a_damaged_state_file_is_one_warning_then_replaced() {
    let home = Home::new();
    let mut p = start(&home, &["--keywords", "0"], &[]);
    p.send("]]");
    p.wait_for("article 3", |s| status_row(s).contains("article 3/8"));
    assert_eq!(p.quit(), 0);
    let places = home.state().join("places");
    let file = std::fs::read_dir(&places)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a saved position");
    std::fs::write(&file, b"{\"key\": 1, \"position\": {\"doc\"").unwrap();

    let mut p = start(&home, &["--keywords", "0"], &[]);
    p.wait_for("the warning", |s| {
        status_row(s).contains("saved position damaged")
    });
    let screen = p.parser.screen().contents();
    assert_eq!(screen.matches("damaged").count(), 1, "one warning");
    assert!(
        status_row(p.parser.screen()).contains("article 1/8"),
        "at the top"
    );
    p.send("]");
    p.wait_for("article 2", |s| status_row(s).contains("article 2/8"));
    assert_eq!(p.quit(), 0);
    // Replaced by a whole record: the next run resumes.
    let mut p = start(&home, &["--keywords", "0"], &[]);
    p.wait_for("the resume", |s| {
        status_row(s).contains("resumed at article 2")
    });
    assert_eq!(p.quit(), 0);
}

#[test]
fn print_config_reads_back_and_recent_lists_what_was_read() {
    let home = Home::new();
    home.write_config("theme = \"light\"\nindent = 3\n[keys]\nQuit = [\"x\", \"ctrl-q\"]\n");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"));
    home.apply(&mut cmd);
    let out = cmd
        .args(["--print-config", "--indent", "4"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let config = kanbao::config::parse(&text).expect("--print-config reads back");
    assert_eq!(config.indent, Some(4), "the flag wins over the file");
    assert_eq!(config.theme.as_deref(), Some("light"));
    assert!(text.contains("Quit = [\"x\", \"ctrl-q\"]"), "{text}");
    assert!(text.contains("NextArticle = [\"]\"]"), "{text}");

    let mut p = start(&home, &["--keywords", "0"], &[]);
    p.send("]]]");
    p.wait_for("article 4", |s| status_row(s).contains("article 4/8"));
    assert_eq!(p.quit_with("x"), 0);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"));
    home.apply(&mut cmd);
    let out = cmd.arg("--recent").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("bundled sample") && text.contains("article 4"),
        "{text}"
    );
}
