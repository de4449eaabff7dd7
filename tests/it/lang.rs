//! The interface in Chinese (issue 15): `--lang zh`, `lang = "zh"` in config.toml, or a
//! Chinese locale (`LANG=zh_CN.UTF-8`) make the status line, the messages, the prompts
//! and the help Chinese; `--lang en` and `LC_ALL=C` keep them English.

use kanbao::i18n::{self, Lang};
use unicode_width::UnicodeWidthStr;

use crate::home::Home;
use crate::interactions::{press, state_on};
use crate::pty::{Launch, Pty, status_row};
use crate::support::{render, row_text, sample, sample_doc, screen_text};

/// Chinese on this test's thread until dropped (also when the test fails), so no
/// other test sees it.
struct Chinese;

impl Chinese {
    fn on() -> Self {
        i18n::set_active(Lang::Zh);
        Self
    }
}

impl Drop for Chinese {
    fn drop(&mut self) {
        i18n::set_active(Lang::En);
    }
}

#[test]
fn the_reader_in_chinese_with_a_search_at_80x24() {
    let _zh = Chinese::on();
    let mut s = sample(80, 24);
    press(&mut s, "/人口普查<Enter>");
    let t = render(&s);
    let buf = t.backend().buffer();
    let status = row_text(buf, 23);
    assert!(status.contains("第 1/24 处 · 2 篇"), "{status}");
    assert!(status.contains("已读"), "{status}");
    assert!(
        !status.contains("match") && !status.contains("article"),
        "{status}"
    );
    insta::assert_snapshot!(t.backend());
}

#[test]
fn the_help_and_the_prompt_are_chinese() {
    let _zh = Chinese::on();
    let mut s = sample(100, 40);
    press(&mut s, "?");
    let text = screen_text(render(&s).backend().buffer());
    assert!(text.contains("按键") && text.contains("下移一行"), "{text}");
    assert!(!text.contains("line down"), "{text}");
    let mut s = sample(100, 30);
    press(&mut s, "/城");
    let bar = row_text(render(&s).backend().buffer(), 29);
    assert!(bar.contains("[字串 · Tab: 整词]"), "{bar}");
    let mut s = sample(100, 30);
    press(&mut s, ":xyz<Enter>");
    assert!(
        s.message.as_deref().unwrap_or("").starts_with("未知命令"),
        "{:?}",
        s.message
    );
}

#[test]
fn several_pages_are_numbered_in_chinese() {
    let _zh = Chinese::on();
    let mut s = state_on(vec![sample_doc(), sample_doc(), sample_doc()], 120, 30);
    let text = screen_text(render(&s).backend().buffer());
    assert!(text.contains(" 第1页 sample.md "), "{text}");
    press(&mut s, "J");
    let status = row_text(render(&s).backend().buffer(), 29);
    assert!(
        status.contains("第 2/3 页 · ") && status.contains("总进度"),
        "{status}"
    );
    press(&mut s, "99P");
    assert_eq!(s.message.as_deref(), Some("共 3 页"));
}

/// At every width from 20 to 40 columns the Chinese status line (double-width text, a
/// search and a message) fits its row: nothing drawn past the edge, nothing panics.
#[test]
fn the_chinese_status_line_fits_narrow_screens() {
    let _zh = Chinese::on();
    for width in 20..=40 {
        for keys in [
            "/人口普查<Enter>",
            "/人口普查<Enter>}}}}}}}}}}}}",
            "/人口普查<Enter>?",
        ] {
            let mut s = sample(width, 12);
            press(&mut s, keys);
            let t = render(&s);
            let buf = t.backend().buffer();
            let status = row_text(buf, 11);
            assert!(
                status.width() <= usize::from(width),
                "{width}: {status:?} is {} wide",
                status.width()
            );
            assert!(status.contains("处") || status.contains("小标题") || !status.is_empty());
        }
    }
}

#[test]
fn the_flag_beats_the_file_which_beats_the_locale() {
    use clap::Parser;
    let zh_env = |name: &str| (name == "LANG").then(|| "zh_CN.UTF-8".to_string());
    let c_env = |name: &str| (name == "LC_ALL").then(|| "C".to_string());
    let config_zh = kanbao::config::parse("lang = \"zh\"").unwrap();
    let config_en = kanbao::config::parse("lang = \"en\"").unwrap();
    let none = kanbao::config::Config::default();
    let cli = |args: &[&str]| {
        kanbao::cli::Cli::parse_from(std::iter::once("kanbao").chain(args.iter().copied()))
    };
    assert_eq!(cli(&[]).lang_with(&none, zh_env), Lang::Zh);
    assert_eq!(cli(&[]).lang_with(&none, c_env), Lang::En);
    assert_eq!(cli(&[]).lang_with(&config_zh, c_env), Lang::Zh);
    assert_eq!(cli(&[]).lang_with(&config_en, zh_env), Lang::En);
    assert_eq!(
        cli(&["--lang", "en"]).lang_with(&config_zh, zh_env),
        Lang::En
    );
    assert_eq!(
        cli(&["--lang", "zh"]).lang_with(&config_en, c_env),
        Lang::Zh
    );
    assert!(kanbao::cli::Cli::try_parse_from(["kanbao", "--lang", "fr"]).is_err());
    let bad = kanbao::config::parse("lang = \"fr\"").unwrap();
    let settings = kanbao::config::Settings::from_config(&bad, false);
    assert_eq!(settings.problems.len(), 1, "{:?}", settings.problems);
}

fn start(args: &[&str], env: &[(&str, &str)], home: Option<&Home>) -> Pty {
    let mut p = Pty::start(&Launch {
        args,
        cols: 100,
        rows: 30,
        env,
        home,
        ..Launch::default()
    });
    p.wait_for("the reader", |s| status_row(s).contains('%'));
    p
}

#[test]
fn a_chinese_locale_gives_a_chinese_reader_and_lang_en_an_english_one() {
    let zh = [("LANG", "zh_CN.UTF-8")];
    let mut p = start(&["--keywords", "0", "--search", "平城"], &zh, None);
    p.wait_for("the Chinese count", |s| status_row(s).contains("处 ·"));
    let status = status_row(p.parser.screen());
    assert!(status.contains('第') && status.contains('篇'), "{status}");
    p.send("?");
    p.wait_for("the Chinese help", |s| {
        s.contents().contains("按键") && s.contents().contains("下移一行")
    });
    p.send("\x1b");
    assert_eq!(p.quit(), 0);

    let mut p = start(&["--keywords", "0", "--lang", "en"], &zh, None);
    p.wait_for("the English hint", |s| status_row(s).contains("?:help"));
    p.send("?");
    p.wait_for("the English help", |s| s.contents().contains("line down"));
    p.send("\x1b");
    assert_eq!(p.quit(), 0);
}

#[test]
fn config_lang_zh_and_print_config() {
    let home = Home::new();
    home.write_config("lang = \"zh\"\n");
    let mut p = start(&["--keywords", "0"], &[], Some(&home));
    p.wait_for("the Chinese hint", |s| status_row(s).contains("?:帮助"));
    assert_eq!(p.quit(), 0);

    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"));
    home.apply(&mut cmd);
    let out = cmd.arg("--print-config").output().expect("kanbao runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\nlang = \"zh\"\n"), "{text}");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"));
    Home::new().apply(&mut cmd);
    let out = cmd
        .env("LANG", "zh_TW.UTF-8")
        .arg("--print-config")
        .output()
        .expect("kanbao runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\n# lang = \"zh\"\n"), "{text}");
}
