//! The interface's language: every text the reader shows, in English and in Chinese.
//!
//! The readers of Chinese newspapers are mostly Chinese, so the reader speaks Chinese
//! when asked (`--lang zh`, `lang = "zh"` in config.toml) or when the environment names
//! Chinese (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the POSIX order): `match 1/24 · 2
//! articles` becomes `第 1/24 处 · 2 篇`.
//!
//! Each text is typed, not looked up by a string key: a fixed text is a [`Text`] (a
//! struct literal that does not compile without both languages), a text with values in
//! it is a function made by `messages!`, whose arms need both `en` and `zh`. So a
//! message missing its Chinese is a compile error, never an English word at run time.
//!
//! The language in force is per thread ([`set_active`]), as the theme and the keymap
//! are: `main` sets it once, the state and the widgets that build messages deep inside
//! `update` and `draw` read it without a parameter threaded through every call, and
//! each test thread starts in English, so tests running in parallel never see each
//! other's language. Work on other threads (the loader, the keyword worker) reports in
//! English; what reaches the screen from there is an error's own text.
//!
//! The module imports nothing of the crate: `state`, `keymap` and `ui` all use it.
//!
//! # Limitations
//!
//! Chinese is simplified (简体) for every Chinese locale, `zh_TW` and `zh_HK` too: the
//! crate converts traditional to simplified only. Warnings a page carries
//! (`Document::warnings`, also in `--dump json`) are translated where they are shown,
//! by their known shapes ([`warning`]); an unknown one is shown as it is.

use std::cell::Cell;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language a `--lang` value or a locale names: `zh`, `zh_CN.UTF-8`,
    /// `zh-Hans`, `zh_TW` → Chinese; `en`, `en_US.UTF-8`, `C`, `POSIX` → English;
    /// anything else → `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        // `ll_CC.codeset@modifier`: the language is what comes before `_`, `-` or `.`.
        let lang = text
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "zh" | "chinese" => Some(Self::Zh),
            "en" | "c" | "posix" => Some(Self::En),
            _ => None,
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set and not empty decides (POSIX), Chinese only if it names
    /// Chinese. `env` reads a variable, so tests pass a table instead of the process's.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(env)
            .find(|value| !value.is_empty())
            .and_then(|value| Self::parse(&value))
            .unwrap_or(Self::En)
    }

    /// The name `--lang` and config.toml use.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh",
        }
    }
}

thread_local! {
    static ACTIVE: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Makes `lang` the language of this thread's messages, help and widgets.
pub fn set_active(lang: Lang) {
    ACTIVE.with(|l| l.set(lang));
}

/// The language in force on this thread (English unless [`set_active`] said else).
pub fn active() -> Lang {
    ACTIVE.with(Cell::get)
}

/// A fixed text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    /// The text in the language in force.
    pub fn get(self) -> &'static str {
        self.get_in(active())
    }

    /// The text in `lang`.
    pub fn get_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

macro_rules! texts {
    ($( $(#[$doc:meta])* $name:ident: $en:literal, $zh:literal; )*) => {
        $( $(#[$doc])* pub const $name: Text = Text { en: $en, zh: $zh }; )*
        /// Every fixed text, for the tests that check both languages.
        pub const ALL: &[Text] = &[$($name),*];
    };
}

macro_rules! messages {
    ($( $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) { en: $en:expr, zh: $zh:expr $(,)? } )*) => {
        $(
            $(#[$doc])*
            pub fn $name($($arg: $ty),*) -> String {
                match active() {
                    Lang::En => $en,
                    Lang::Zh => $zh,
                }
            }
        )*
    };
}

texts! {
    // The status line.
    HELP_HINT: "?:help", "?:帮助";
    HELP_QUIT_HINT: "?:help q:quit", "?:帮助 q:退出";
    TOO_SMALL: "too small", "窗口太小";
    NO_ARTICLES: "(no articles in this document)", "（本页没有文章）";
    // The prompts.
    SEARCH_SUBSTRING: "[substring · Tab: words]", "[字串 · Tab: 整词]";
    SEARCH_WHOLE_WORD: "[whole words · Tab: any]", "[整词 · Tab: 字串]";
    COMMAND_USAGE: ":N article N · :page N · :$ end · :q quit · :help",
        ":N 第N篇 · :page N 第N页 · :$ 末尾 · :q 退出 · :help 帮助";
    // Pane titles.
    HELP_TITLE: " keys · j/k Space b g G scroll · Esc closes ",
        " 按键 · j/k Space b g G 滚动 · Esc 关闭 ";
    MORE_BELOW: " ↓ more ", " ↓ 更多 ";
    MORE_ABOVE: " ↑ more ", " ↑ 更多 ";
    MARKS_TITLE: " marks · Enter jumps · Esc ", " 书签 · Enter 跳转 · Esc ";
    KEYWORDS_TITLE: " 关键词 · Enter search · Esc ", " 关键词 · Enter 搜索 · Esc ";
    RESULTS_FILTER_KEYS: "type to filter · ↑↓ Enter Esc", "输入以筛选 · ↑↓ Enter Esc";
    RESULTS_KEYS: "j/k Space g G Enter · / filters · Esc", "j/k Space g G Enter · / 筛选 · Esc";
    /// The results list's heading over hits on undated pages that follow dated ones.
    RESULTS_UNDATED: "undated pages", "无日期的版面";
    // The help's legend and extra rows.
    KEYWORD_LEGEND: "keyword occurrence (H toggles, w/W move)", "关键词（H 开关，w/W 跳转）";
    PERSON: "person", "人名";
    PLACE: "place", "地名";
    ORGANISATION: "organisation", "机构";
    WHEEL: "wheel", "滚轮";
    WHEEL_HELP: "scroll the pane under the pointer", "滚动指针下的窗格";
    CLICK: "click", "点击";
    CLICK_HELP: "open a section", "打开一栏";
    COUNT_HELP: "count prefix: 5j, 3], 2J, 4G, 12P", "数字前缀：5j、3]、2J、4G、12P";
    // Messages.
    KEYWORDS_DISABLED: "keywords are off (--keywords 0)", "关键词已关闭（--keywords 0）";
    KEYWORD_HIGHLIGHTS_ON: "keyword highlights on", "关键词高亮：开";
    KEYWORD_HIGHLIGHTS_OFF: "keyword highlights off", "关键词高亮：关";
    NAMES_ON: "names: person · place · organisation (? shows the legend)",
        "专名：人名 · 地名 · 机构（? 查看图例）";
    NAMES_OFF: "names off", "专名标注：关";
    KEYWORDS_PENDING: "关键词… (keywords are still being found)", "关键词…（正在提取）";
    NO_KEYWORDS: "this article has no keywords", "本篇没有关键词";
    NO_MARKS: "no marks yet: m and a letter sets one", "还没有书签：按 m 再按一个字母设置";
    NO_JUMP_BACK: "no jump to go back from yet", "还没有可以返回的跳转";
    RESUMED: "resumed where you stopped", "已回到上次读到的地方";
    NO_SUBHEAD_BELOW: "no more subheads below", "下面没有小标题了";
    NO_SUBHEAD_ABOVE: "no subhead above", "上面没有小标题了";
    Q_QUITS: "q quits", "按 q 退出";
    PAGE_NUMBER_FIRST: "type the page number first: 12P goes to page 12",
        "先输入页码：12P 转到第 12 页";
    NO_SEARCH: "no search yet: press / to search", "还没有搜索：按 / 搜索";
    WRAPPED_TOP: "search wrapped to the top", "已从头继续搜索";
    WRAPPED_BOTTOM: "search wrapped to the bottom", "已从末尾继续搜索";
    NO_HIT_PASSES: "no hit passes the filter", "没有符合筛选的结果";
    /// The bundled sample page's name (`crate::input::SAMPLE_NAME` is the English).
    BUNDLED_SAMPLE: "sample.md (bundled)", "sample.md（内置）";
}

/// A page's name as shown: the bundled sample's says so in the language in force.
pub fn page_name(name: &str) -> &str {
    if name == BUNDLED_SAMPLE.en {
        BUNDLED_SAMPLE.get()
    } else {
        name
    }
}

messages! {
    /// The status line's article: `article 2/5 · `.
    fn status_article(i: usize, n: usize) {
        en: format!("article {i}/{n} · "),
        zh: format!("第 {i}/{n} 篇 · "),
    }
    /// The status line's page: `page 3/12 · `.
    fn status_page(i: usize, n: usize) {
        en: format!("page {i}/{n} · "),
        zh: format!("第 {i}/{n} 页 · "),
    }
    /// How far through: of all the pages when there are several, else of the page.
    fn status_percent(percent: u16, of_all: bool) {
        en: format!("{percent}% {}", if of_all { "of all" } else { "read" }),
        zh: format!("{}{percent}%", if of_all { "总进度 " } else { "已读 " }),
    }
    /// The archive index being built: `indexing 1,234/5,000 pages`.
    fn indexing(done: &str, total: &str) {
        en: format!("indexing {done}/{total} pages"),
        zh: format!("建立索引 {done}/{total} 页"),
    }
    /// The index has not answered the search yet.
    fn archive_searching() {
        en: "searching the index…".to_string(),
        zh: "正在查索引…".to_string(),
    }
    /// The index's count: `41,159 in the archive`.
    fn archive_total(total: &str) {
        en: format!("{total} in the archive"),
        zh: format!("全库 {total} 篇"),
    }
    /// A whole-word search's count when not every candidate was checked.
    fn archive_total_at_most(total: &str) {
        en: format!("at most {total} in the archive, not all checked"),
        zh: format!("全库至多 {total} 篇，未全部核对"),
    }
    /// Only the first results by date are listed: ` (first 2,000 by date)`.
    fn archive_listed(listed: &str) {
        en: format!(" (first {listed} by date)"),
        zh: format!("（按日期列出前 {listed} 篇）"),
    }
    /// Hits on pages not parsed yet.
    fn archive_pending(n: usize) {
        en: format!(", {n} on pages still loading"),
        zh: format!("，{n} 处在未载入的页上"),
    }
    /// The index failed; search went back to the pages in memory.
    fn archive_fallback(error: &str) {
        en: format!("{error}: searching the pages in memory"),
        zh: format!("{error}：改为在已载入的页中搜索"),
    }
    /// Pages still loading.
    fn loading(done: usize, total: usize) {
        en: format!("loading {done}/{total}"),
        zh: format!("载入中 {done}/{total}"),
    }
    /// The search's count: `match 1/24+ · 2 articles` (`more` is `+` while loading).
    fn search_match(i: usize, total: usize, more: &str, articles: usize) {
        en: format!("match {i}/{total}{more} · {articles} {}", if articles == 1 { "article" } else { "articles" }),
        zh: format!("第 {i}/{total}{more} 处 · {articles} 篇"),
    }
    /// The search's count before a match is current.
    fn search_matches(total: usize, more: &str, articles: usize) {
        en: format!("{total}{more} matches · {articles} {}", if articles == 1 { "article" } else { "articles" }),
        zh: format!("{total}{more} 处 · {articles} 篇"),
    }
    /// Nothing found, the search finished.
    fn no_match(query: &str) {
        en: format!("no match for {query}"),
        zh: format!("未找到 {query}"),
    }
    /// Nothing found yet, pages still loading.
    fn no_match_so_far(query: &str) {
        en: format!("no match so far for {query}"),
        zh: format!("暂未找到 {query}"),
    }
    /// The search is running.
    fn searching(query: &str) {
        en: format!("searching for {query}…"),
        zh: format!("正在搜索 {query}…"),
    }
    /// A `:` command with a page that is no number.
    fn not_a_page_number(n: &str) {
        en: format!("not a page number: {n}"),
        zh: format!("不是页码：{n}"),
    }
    /// A `:` command kanbao does not know.
    fn unknown_command(line: &str) {
        en: format!("unknown command :{line} ({})", COMMAND_USAGE.en),
        zh: format!("未知命令 :{line}（{}）", COMMAND_USAGE.zh),
    }
    /// The keyword engine could not start.
    fn keywords_off(reason: &str) {
        en: format!("keywords off: {reason}"),
        zh: format!("关键词已关闭：{reason}"),
    }
    /// `w`/`W` found nothing further; `word` is the one searched, else any keyword.
    fn no_further_keyword(word: Option<&str>, forward: bool) {
        en: {
            let what = word.map_or_else(|| "keyword".to_string(), |w| format!("「{w}」"));
            format!("no {} {what} occurrence", if forward { "further" } else { "earlier" })
        },
        zh: {
            let what = word.map_or_else(|| "关键词".to_string(), |w| format!("「{w}」"));
            format!("{}没有{what}了", if forward { "后面" } else { "前面" })
        },
    }
    /// The help's legend row of a kind of name: `names mode (p): person (nr)`.
    fn names_legend(label: &str, tag: &str) {
        en: format!("names mode (p): {label} ({tag})"),
        zh: format!("专名标注（p）：{label}"),
    }
    /// Pages that failed to load.
    fn skipped_pages(n: usize, first: &str) {
        en: if n == 1 { format!("skipped 1 page: {first}") } else { format!("skipped {n} pages; first: {first}") },
        zh: if n == 1 { format!("跳过 1 页：{first}") } else { format!("跳过 {n} 页，第一页：{first}") },
    }
    /// `ma`.
    fn mark_set(letter: char) {
        en: format!("mark {letter} set ('{letter} comes back)"),
        zh: format!("已设书签 {letter}（'{letter} 回到这里）"),
    }
    /// `'a` with no mark `a`.
    fn no_mark(letter: char) {
        en: format!("no mark {letter}"),
        zh: format!("没有书签 {letter}"),
    }
    /// `'a` to a page still loading.
    fn mark_not_loaded(letter: char) {
        en: format!("mark {letter}'s page has not loaded yet"),
        zh: format!("书签 {letter} 所在的页还没有载入"),
    }
    /// Where a resumed run opened: page (of how many, if several), article, headline.
    fn resumed_at(page: Option<(usize, usize)>, article: usize, headline: Option<&str>) {
        en: format!(
            "resumed at {}article {article}{} ('' back to the start)",
            page.map(|(p, n)| format!("page {p}/{n}, ")).unwrap_or_default(),
            headline.map(|h| format!(": {h}")).unwrap_or_default(),
        ),
        zh: format!(
            "已回到{}第 {article} 篇{}（'' 回到开头）",
            page.map(|(p, n)| format!("第 {p}/{n} 页，")).unwrap_or_default(),
            headline.map(|h| format!("：{h}")).unwrap_or_default(),
        ),
    }
    /// `G` while pages load.
    fn still_loading_to_end(done: usize, total: usize) {
        en: format!("still loading ({done} of {total} pages): going on to the end as they arrive"),
        zh: format!("仍在载入（{done}/{total} 页）：载完后转到末尾"),
    }
    /// `y` on an article too long for the terminal's clipboard.
    fn too_long_to_copy(article: usize, kb: usize, max_kb: usize) {
        en: format!("article {article} is too long to copy ({kb} KB, at most {max_kb} KB)"),
        zh: format!("第 {article} 篇太长，无法复制（{kb} KB，最多 {max_kb} KB）"),
    }
    /// `y` done.
    fn copied(article: usize, chars: usize) {
        en: format!("copied article {article} ({chars} characters)"),
        zh: format!("已复制第 {article} 篇（{chars} 字）"),
    }
    /// `NG` past the last article.
    fn page_has_articles(n: usize) {
        en: format!("this page has {n} articles"),
        zh: format!("本页共 {n} 篇"),
    }
    /// `NP` to a page not loaded yet.
    fn page_still_loading(n: usize, loaded: usize, total: usize) {
        en: format!("page {n} is still loading ({loaded} of {total} so far): going there when it arrives"),
        zh: format!("第 {n} 页仍在载入（已载入 {loaded}/{total}）：载入后转过去"),
    }
    /// `NP` past the last page.
    fn there_are_pages(n: usize) {
        en: format!("there are {n} pages"),
        zh: format!("共 {n} 页"),
    }
    /// `G` done once every page loaded.
    fn at_end_of_pages(n: usize) {
        en: format!("at the end of all {n} pages"),
        zh: format!("已到全部 {n} 页的末尾"),
    }
    /// The results view's filter line.
    fn results_filter(filter: &str, cursor: &str, shown: usize, total: usize) {
        en: format!("filter: {filter}{cursor}  ({shown} of {total})"),
        zh: format!("筛选：{filter}{cursor}  （{shown}/{total}）"),
    }
    /// The results view's title.
    fn results_title(total: usize, articles: usize, query: &str, keys: &str) {
        en: format!(" {total} matches in {articles} articles for {query} · {keys} "),
        zh: format!(" {query}：{articles} 篇 {total} 处 · {keys} "),
    }
    /// The results list's date heading: `2020-05-06 · edition 2` / `2020年5月6日 · 第2版`;
    /// `date` is `yyyymmdd` (`analysis::dates`), the edition left out when unknown.
    fn results_day(date: u32, edition: Option<u32>) {
        en: {
            let day = format!("{}-{:02}-{:02}", date / 10_000, date / 100 % 100, date % 100);
            edition.map_or(day.clone(), |e| format!("{day} · edition {e}"))
        },
        zh: {
            let day = format!("{}年{}月{}日", date / 10_000, date / 100 % 100, date % 100);
            edition.map_or(day.clone(), |e| format!("{day} · 第{e}版"))
        },
    }
    /// A page's entry in the section list: `3.` / `第3页`.
    fn page_entry(n: usize) {
        en: format!("{n}."),
        zh: format!("第{n}页"),
    }
}

/// A page's warning (made in English by the layer that found it, where `--dump json`
/// keeps it) in the language in force: the known shapes are translated, anything else
/// is shown as it is.
pub fn warning(text: &str) -> String {
    if active() == Lang::En {
        return text.to_string();
    }
    let number = |s: &str| s.split(' ').next().unwrap_or("").to_string();
    if text == "empty page: the file holds no text" {
        "空页：文件中没有文字".to_string()
    } else if let Some(rest) = text.strip_prefix("encoding guessed as ")
        && let Some(name) = rest.strip_suffix("; use --encoding NAME if the text looks wrong")
    {
        format!("编码猜测为 {name}；文字不对时请用 --encoding 指定")
    } else if let Some((_, name)) =
        text.split_once(" undecodable byte sequence(s) shown as \u{fffd} (decoded as ")
    {
        format!(
            "{} 处无法解码的字节显示为 \u{fffd}（按 {} 解码）",
            number(text),
            name.trim_end_matches(')')
        )
    } else if text.ends_with(" control character(s) shown as placeholders (␛ …)") {
        format!("{} 个控制字符显示为占位符（␛ …）", number(text))
    } else if let Some(rest) = text.strip_prefix("part ")
        && let Some((part, line)) = rest.split_once(" of a large input read in parts (from line ")
    {
        // `part 2 of a large …` (how many parts is known at the input's end only), or
        // the older `part 2 of 5 of a large …`.
        let part = part.replace(" of ", "/");
        format!(
            "大文件分段读取：第 {part} 段（自第 {} 行起）",
            line.trim_end_matches(')')
        )
    } else {
        text.to_string()
    }
}

#[cfg(test)]
/// ASCII words of two or more letters in `text` that are not key, command or unit
/// names (which stay as typed), nor `--flags`.
pub(crate) fn english_words(text: &str) -> Vec<String> {
    const ALLOWED: &[&str] = &[
        "Enter", "Esc", "Tab", "Space", "Ctrl", "PgUp", "PgDn", "Home", "End", "BS", "Del", "page",
        "help", "KB", "OSC", "vim", "fg", "ZZ", "NG", "Ng", "NP", "ma", "jieba", "UTF",
        // The bundled page's file name.
        "sample", "md",
    ];
    let mut words = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(|c: char| c.is_ascii_alphabetic() || c == '-');
        let Some(start) = start else { break };
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(tail.len());
        let word = &tail[..end];
        rest = &tail[end.max(1)..];
        if word.starts_with("--") {
            continue;
        }
        for part in word.split('-') {
            let letters: String = part.chars().filter(char::is_ascii_alphabetic).collect();
            if letters.len() >= 2 && !ALLOWED.contains(&letters.as_str()) {
                words.push(part.to_string());
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every parameterised message with sample values, in `lang`.
    fn samples(lang: Lang) -> Vec<String> {
        set_active(lang);
        let all = vec![
            status_article(1, 5),
            status_page(2, 9),
            status_percent(40, true),
            status_percent(40, false),
            loading(3, 9),
            indexing("1,234", "5,000"),
            archive_searching(),
            archive_total("41,159"),
            archive_total_at_most("41,159"),
            archive_listed("2,000"),
            archive_pending(3),
            archive_fallback("甲"),
            search_match(1, 24, "+", 2),
            search_match(1, 24, "", 1),
            search_matches(24, "", 2),
            no_match("甲"),
            no_match_so_far("甲"),
            searching("甲"),
            not_a_page_number("x"),
            unknown_command("x1"),
            keywords_off("原因"),
            no_further_keyword(None, true),
            no_further_keyword(Some("城市"), false),
            names_legend(PERSON.get(), "nr"),
            skipped_pages(1, "甲版"),
            skipped_pages(3, "甲版"),
            mark_set('a'),
            no_mark('a'),
            mark_not_loaded('a'),
            resumed_at(Some((2, 5)), 4, Some("平城区")),
            resumed_at(None, 1, None),
            still_loading_to_end(2, 9),
            too_long_to_copy(3, 900, 600),
            copied(3, 1200),
            page_has_articles(7),
            page_still_loading(8, 3, 9),
            there_are_pages(9),
            at_end_of_pages(9),
            results_filter("城", "▏", 3, 24),
            results_title(24, 2, "城市", RESULTS_KEYS.get()),
            page_entry(3),
            results_day(20_200_506, Some(2)),
            results_day(20_200_506, None),
        ];
        set_active(Lang::En);
        all
    }

    #[test]
    fn every_text_has_both_languages_and_the_chinese_has_no_english_words() {
        for t in ALL {
            assert!(!t.en.is_empty() && !t.zh.is_empty(), "{t:?}");
            assert_ne!(t.en, t.zh, "{t:?} is not translated");
            assert_eq!(english_words(t.zh), Vec::<String>::new(), "{}", t.zh);
        }
        let (en, zh) = (samples(Lang::En), samples(Lang::Zh));
        assert_eq!(en.len(), zh.len());
        for (e, z) in en.iter().zip(&zh) {
            assert_ne!(e, z, "{e} is not translated");
            assert_eq!(english_words(z), Vec::<String>::new(), "{z}");
        }
    }

    #[test]
    fn the_results_date_heading_reads_as_the_page_header_does() {
        set_active(Lang::Zh);
        assert_eq!(results_day(20_200_506, Some(2)), "2020年5月6日 · 第2版");
        assert_eq!(results_day(19_491_001, None), "1949年10月1日");
        set_active(Lang::En);
        assert_eq!(results_day(20_200_506, Some(2)), "2020-05-06 · edition 2");
    }

    #[test]
    fn the_english_word_finder_finds_english() {
        assert_eq!(
            english_words("第 1/24 处 · Enter 跳转 --keywords 0"),
            Vec::<String>::new()
        );
        assert_eq!(english_words("match 第 1 处 · Ctrl-o"), vec!["match"]);
        assert_eq!(english_words("5j、3]、2J"), Vec::<String>::new());
    }

    #[test]
    fn the_environment_decides_in_posix_order() {
        use Lang::{En, Zh};
        let table: &[(&[(&str, &str)], Lang)] = &[
            (&[], En),
            (&[("LANG", "zh_CN.UTF-8")], Zh),
            (&[("LANG", "zh_TW.Big5")], Zh),
            (&[("LANG", "zh_HK")], Zh),
            (&[("LANG", "zh")], Zh),
            (&[("LANG", "C")], En),
            (&[("LANG", "POSIX")], En),
            (&[("LANG", "")], En),
            (&[("LANG", "de_DE.UTF-8")], En),
            (&[("LANG", "en_US.UTF-8")], En),
            // LC_ALL wins over everything, LC_MESSAGES over LANG.
            (&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], En),
            (&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "C")], Zh),
            (
                &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
                Zh,
            ),
            (
                &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")],
                En,
            ),
            (&[("LC_ALL", "zh_SG"), ("LC_MESSAGES", "C")], Zh),
            // An empty variable counts as unset.
            (&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], Zh),
            (&[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "")], En),
        ];
        for (vars, want) in table {
            let env = |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_string())
            };
            assert_eq!(Lang::from_env(env), *want, "{vars:?}");
        }
    }

    #[test]
    fn lang_values_parse() {
        for zh in [
            "zh",
            "ZH",
            "zh-CN",
            "zh_CN.UTF-8",
            "zh-Hans",
            "zh-Hant",
            "zh_TW",
        ] {
            assert_eq!(Lang::parse(zh), Some(Lang::Zh), "{zh}");
        }
        for en in ["en", "en_GB", "C", "POSIX", "C.UTF-8"] {
            assert_eq!(Lang::parse(en), Some(Lang::En), "{en}");
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn each_thread_starts_in_english() {
        set_active(Lang::Zh);
        assert_eq!(Q_QUITS.get(), "按 q 退出");
        let other = std::thread::spawn(|| Q_QUITS.get()).join().unwrap();
        assert_eq!(other, "q quits");
        set_active(Lang::En);
    }

    #[test]
    fn known_warnings_are_translated_and_others_kept() {
        set_active(Lang::Zh);
        let cases = [
            "empty page: the file holds no text",
            "encoding guessed as windows-1252; use --encoding NAME if the text looks wrong",
            "3 undecodable byte sequence(s) shown as \u{fffd} (decoded as UTF-8)",
            "2 control character(s) shown as placeholders (␛ …)",
            "part 2 of 5 of a large input read in parts (from line 1201)",
            "part 2 of a large input read in parts (from line 1201)",
        ];
        for case in cases {
            let shown = warning(case);
            assert_ne!(shown, case);
            assert_eq!(
                english_words(&shown.replace("windows-1252", "")),
                Vec::<String>::new(),
                "{shown}"
            );
        }
        assert_eq!(warning("something new"), "something new");
        set_active(Lang::En);
        assert_eq!(warning(cases[0]), cases[0]);
    }
}
