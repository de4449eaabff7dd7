//! A deterministic generator of realistic newspaper pages, for benches, tests and
//! anyone who wants to reproduce kanbao's performance figures on "a year of pages".
//!
//! Pages are built by recombining the bundled sample's material (headlines, kickers,
//! subheads, sentences, list items) the way converters and newspapers mix it: the three
//! heading variants of FORMAT.md (`##` titles with `###` kickers, every title `#`, no
//! marks at all), column breaks at random points inside sentences, captions with `…摄`
//! credits dropped inside paragraphs, page furniture (date, 第N版, 责任编辑：…),
//! news-agency datelines, briefs (简讯) and lists. The same `(seed, index)` always
//! gives the same page; a small splitmix64 generator keeps it free of dependencies.
//!
//! Beside it, the corpus for structure decisions: [`articles`] (310 real articles,
//! split by article into train and dev), [`profiles`] (how each converter family
//! writes a page, some profiles dev-only), [`page`] (pages of real articles written
//! through a profile, each with its truth in the structure scorer's format and a role
//! label per block), [`truth`] and [`score`] (a port of `scripts/structscore.py`).
//! `examples/structure_eval.rs` prints the scores; `tests/it/structure.rs` guards them.

pub mod articles;
pub mod material;
pub mod page;
pub mod profiles;
pub mod score;
pub mod truth;

use std::fmt::Write as _;
use std::sync::OnceLock;

/// The bundled sample page, the material generated pages are recombined from.
const SAMPLE: &str = include_str!("../../../assets/sample.md");

/// Pages per day in generated archives: more than nine, so natural order matters.
pub const PAGES_PER_DAY: usize = 12;

/// splitmix64: tiny, fast, good enough for test data, and stable across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// The pieces of the sample page the generator recombines.
struct Material {
    titles: Vec<String>,
    kickers: Vec<String>,
    subheads: Vec<String>,
    sentences: Vec<String>,
    list_items: Vec<String>,
}

fn material() -> &'static Material {
    static MATERIAL: OnceLock<Material> = OnceLock::new();
    MATERIAL.get_or_init(|| extract(SAMPLE))
}

fn extract(page: &str) -> Material {
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    let mut m = Material {
        titles: Vec::new(),
        kickers: Vec::new(),
        subheads: Vec::new(),
        sentences: Vec::new(),
        list_items: Vec::new(),
    };
    let next_nonblank = |i: usize| lines.iter().skip(i + 1).find(|l| !l.is_empty()).copied();
    for (i, line) in lines.iter().enumerate() {
        if let Some(title) = line.strip_prefix("## ") {
            m.titles.push(title.to_string());
        } else if let Some(small) = line.strip_prefix("### ") {
            if next_nonblank(i).is_some_and(|n| n.starts_with("## ")) {
                m.kickers.push(small.to_string());
            } else {
                m.subheads.push(small.to_string());
            }
        } else if let Some(item) = line.strip_prefix("- ") {
            let item = item.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            m.list_items.push(item.to_string());
        } else if line.chars().count() > 40 {
            m.sentences.extend(split_sentences(line));
        }
    }
    m
}

/// Splits after 。！？ (and a closing quote right after them).
fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            if let Some(&q) = chars.peek().filter(|&&q| q == '”' || q == '’') {
                current.push(q);
                chars.next();
            }
            if current.chars().count() > 8 {
                out.push(std::mem::take(&mut current));
            }
        }
    }
    out
}

/// How a converter marked the headings of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// `## ` titles, `### ` kickers and subheads (like the sample).
    Marked,
    /// Every title and kicker `# ` (the default of `MinerU`).
    AllHash,
    /// No heading marks at all.
    Plain,
}

impl Variant {
    fn title(self) -> &'static str {
        match self {
            Self::Marked => "## ",
            Self::AllHash => "# ",
            Self::Plain => "",
        }
    }

    fn small(self) -> &'static str {
        match self {
            Self::Marked => "### ",
            Self::AllHash => "# ",
            Self::Plain => "",
        }
    }
}

const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "孙", "周", "吴", "邸", "纪",
];
const GIVEN: &[&str] = &[
    "鑫", "伟", "芳", "东芳", "世敬", "昱都", "元", "晓东", "媛", "磊", "静", "强",
];
const CITIES: &[&str] = &["北京", "太原", "大同", "上海", "广州", "西安"];
const EDITORS_LABEL: &[&str] = &["责任编辑：", "本版编辑：", "责编："];
const WEEKDAYS: &[&str] = &[
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
];

fn name(rng: &mut Rng) -> String {
    let s = rng.pick(SURNAMES).copied().unwrap_or("张");
    let g = rng.pick(GIVEN).copied().unwrap_or("鑫");
    format!("{s}{g}")
}

/// The calendar date of page `index` (2020-01-01 onwards, [`PAGES_PER_DAY`] a day),
/// as (year, month, day, weekday 0 = Monday).
pub fn page_date(index: usize) -> (usize, usize, usize, usize) {
    let mut days = index / PAGES_PER_DAY;
    let weekday = (days + 2) % 7; // 2020-01-01 was a Wednesday
    let mut year = 2020;
    loop {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let months = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        let total: usize = months.iter().sum();
        if days >= total {
            days -= total;
            year += 1;
            continue;
        }
        for (m, len) in months.iter().enumerate() {
            if days < *len {
                return (year, m + 1, days + 1, weekday);
            }
            days -= len;
        }
    }
}

/// The file name of page `index`, e.g. `2020-10-20_第3版.md` (unpadded page numbers,
/// so only natural order sorts them right).
pub fn page_file_name(index: usize) -> String {
    let (y, m, d, _) = page_date(index);
    format!("{y}-{m:02}-{d:02}_第{}版.md", index % PAGES_PER_DAY + 1)
}

/// One generated page (~16–24 KB of markdown), the same for the same arguments.
pub fn generate_page(seed: u64, index: usize) -> String {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xa076_1d64_78bd_642f));
    let variant = match rng.below(10) {
        0..=5 => Variant::Marked,
        6..=7 => Variant::AllHash,
        _ => Variant::Plain,
    };
    let target = 16_000 + rng.below(8_000);
    let mut page = String::with_capacity(target + 4_000);
    let header = rng.chance(80);
    if header {
        furniture_header(&mut rng, index, &mut page);
    }
    if rng.chance(30) {
        paragraph(&mut rng, &mut page, 2, 5); // headless continuation from the last page
    }
    while page.len() < target {
        match rng.below(12) {
            0 => briefs(&mut rng, variant, &mut page),
            1 => list(&mut rng, variant, &mut page),
            _ => article(&mut rng, variant, &mut page),
        }
    }
    if !header || rng.chance(40) {
        let editor = name(&mut rng);
        let label = rng.pick(EDITORS_LABEL).copied().unwrap_or("责任编辑：");
        let _ = write!(page, "{label}{editor}\n\n");
    }
    page
}

fn furniture_header(rng: &mut Rng, index: usize, page: &mut String) {
    let (y, m, d, w) = page_date(index);
    let weekday = WEEKDAYS.get(w).copied().unwrap_or("星期一");
    let _ = write!(
        page,
        "{y}年{m}月{d}日 {weekday}\n\n第{}版\n\n",
        index % PAGES_PER_DAY + 1
    );
    if rng.chance(50) {
        let editor = name(rng);
        let _ = write!(page, "责任编辑：{editor}\n\n");
    }
}

fn sentence(rng: &mut Rng) -> &'static str {
    rng.pick(&material().sentences)
        .map_or("平城区持续优化行业结构。", String::as_str)
}

fn paragraph(rng: &mut Rng, page: &mut String, min: usize, max: usize) {
    let count = min + rng.below(max - min + 1);
    let mut text = String::new();
    for _ in 0..count {
        text.push_str(sentence(rng));
    }
    push_broken(rng, page, &text);
}

/// Writes a paragraph, maybe split by a column break or interrupted by a caption.
fn push_broken(rng: &mut Rng, page: &mut String, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let roll = rng.below(100);
    if roll < 35 && chars.len() > 20 {
        let cut = 5 + rng.below(chars.len() - 10);
        let (a, b) = chars.split_at(cut);
        let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
        if roll < 10 {
            let caption = sentence(rng);
            let credit = name(rng);
            let _ = write!(page, "{a}\n\n{caption}\n\n{credit}摄\n\n{b}\n\n");
        } else {
            let _ = write!(page, "{a}\n\n{b}\n\n");
        }
    } else {
        let _ = write!(page, "{text}\n\n");
    }
}

fn article(rng: &mut Rng, variant: Variant, page: &mut String) {
    let m = material();
    let title = rng.pick(&m.titles).map_or("平城区", String::as_str);
    if rng.chance(35) {
        let kicker = rng.pick(&m.kickers).map_or("平城新语", String::as_str);
        let _ = write!(page, "{}{kicker}\n\n", variant.small());
    }
    let _ = write!(page, "{}{title}\n\n", variant.title());
    if rng.chance(20) {
        let _ = write!(page, "各街道社区措施好行动快\n\n");
    }
    let reporter = name(rng);
    let byline = rng.below(5);
    let mut first = String::new();
    match byline {
        0 => {
            let _ = write!(page, "本报记者 {reporter}\n\n");
        }
        1 => first = format!("本报讯 (记者 {reporter}) "),
        2 => {
            let city = rng.pick(CITIES).copied().unwrap_or("北京");
            let (mo, d) = (1 + rng.below(12), 1 + rng.below(28));
            first = format!("新华社{city}{mo}月{d}日电（记者 {reporter}）");
        }
        _ => {}
    }
    if rng.chance(10) {
        let _ = write!(page, "![](images/{:016x}.jpg)\n\n", rng.next_u64());
    }
    let paragraphs = 3 + rng.below(6);
    for i in 0..paragraphs {
        if i > 0 && rng.chance(15) {
            let sub = rng.pick(&m.subheads).map_or("党建引领", String::as_str);
            let _ = write!(page, "{}{sub}\n\n", variant.small());
        }
        let mut text = std::mem::take(&mut first);
        for _ in 0..2 + rng.below(4) {
            text.push_str(sentence(rng));
        }
        push_broken(rng, page, &text);
    }
    if byline == 3 {
        let _ = write!(page, "本报记者 {reporter}\n\n");
    }
}

fn briefs(rng: &mut Rng, variant: Variant, page: &mut String) {
    let _ = write!(page, "{}简讯\n\n", variant.title());
    for _ in 0..4 + rng.below(8) {
        let m = material();
        let title = rng.pick(&m.subheads).map_or("简讯", String::as_str);
        let _ = write!(page, "{}{title}\n\n", variant.small());
        let _ = write!(page, "本报讯 {}{}\n\n", sentence(rng), sentence(rng));
    }
}

fn list(rng: &mut Rng, variant: Variant, page: &mut String) {
    let m = material();
    let title = rng.pick(&m.titles).map_or("宣传标语", String::as_str);
    let _ = write!(page, "{}{title}\n\n", variant.title());
    for n in 1..=3 + rng.below(10) {
        let item = rng
            .pick(&m.list_items)
            .map_or("人口普查,惠及万家。", String::as_str);
        let _ = writeln!(page, "- {n}.{item}");
    }
    page.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn material_comes_from_the_sample() {
        let m = material();
        assert!(m.titles.len() >= 8, "{}", m.titles.len());
        assert!(!m.kickers.is_empty() && !m.subheads.is_empty());
        assert!(m.sentences.len() > 50);
        assert_eq!(m.list_items.len(), 15);
    }

    #[test]
    fn pages_are_deterministic_and_differ() {
        assert_eq!(generate_page(7, 3), generate_page(7, 3));
        assert_ne!(generate_page(7, 3), generate_page(7, 4));
        assert_ne!(generate_page(7, 3), generate_page(8, 3));
    }

    #[test]
    fn pages_are_about_twenty_kilobytes() {
        let sizes: Vec<usize> = (0..20).map(|i| generate_page(1, i).len()).collect();
        assert!(
            sizes.iter().all(|&s| (16_000..40_000).contains(&s)),
            "{sizes:?}"
        );
    }

    #[test]
    fn dates_and_names() {
        assert_eq!(page_date(0), (2020, 1, 1, 2));
        assert_eq!(page_date(PAGES_PER_DAY * 60), (2020, 3, 1, 6)); // leap year
        assert_eq!(page_date(PAGES_PER_DAY * 366), (2021, 1, 1, 4));
        assert_eq!(page_file_name(1), "2020-01-01_第2版.md");
        assert_eq!(page_file_name(PAGES_PER_DAY + 9), "2020-01-02_第10版.md");
    }
}
