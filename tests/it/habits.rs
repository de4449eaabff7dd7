//! The converter-habit fixtures (issue 11): one small made-up page per habit of
//! FORMAT.md's "What converters do to a page", each asserted for the structure it
//! must give, the habit the dump names, and no raw syntax left; plus the two real
//! converter pages in `tests/fixtures/real/`, which must dump with no raw syntax and
//! every Chinese character.

use kanbao::document::{Article, BlockKind, Document};

use crate::input::fixture;

fn open(name: &str) -> Document {
    let bytes = std::fs::read(fixture(name)).unwrap();
    kanbao::input::document_from_bytes(name, &bytes, None).unwrap()
}

fn only(doc: &Document) -> &Article {
    assert_eq!(doc.articles.len(), 1, "{:?}", titles(doc));
    &doc.articles[0]
}

fn titles(doc: &Document) -> Vec<&str> {
    doc.articles
        .iter()
        .map(|a| doc.field(a.title.as_ref()).unwrap_or(""))
        .collect()
}

fn blocks<'a>(doc: &'a Document, a: &Article, kind: BlockKind) -> Vec<&'a str> {
    a.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| doc.str(&b.span))
        .collect()
}

fn dump(doc: &Document) -> String {
    kanbao::dump::json(std::slice::from_ref(doc))
}

/// Raw syntax no dump may show (the markup the habits' steps remove).
const RAW: &[&str] = &[
    "```", "<div", "<img", "alt=", "style=", "<table", "<td", "$", "\\%", "![", "](",
];

/// Asserts the dump names `habit`, shows no raw syntax, and keeps every Chinese
/// character of the source.
fn check(name: &str, habit: &str) -> Document {
    let doc = open(name);
    assert!(
        doc.habits.contains(&habit),
        "{name}: {habit} not in {:?}",
        doc.habits
    );
    let json = dump(&doc);
    assert!(json.contains(&format!("\"{habit}\"")), "{json}");
    no_raw_syntax(name, &doc, RAW);
    nothing_lost(name, &doc);
    doc
}

fn shown(doc: &Document) -> Vec<&str> {
    let mut out: Vec<&str> = doc.furniture.iter().map(|b| doc.str(&b.span)).collect();
    for a in &doc.articles {
        out.extend(a.overline.iter().map(|b| doc.str(&b.span)));
        out.extend(
            [&a.kicker, &a.title, &a.subtitle, &a.byline]
                .into_iter()
                .filter_map(|f| doc.field(f.as_ref())),
        );
        out.extend(a.blocks.iter().map(|b| doc.str(&b.span)));
    }
    out
}

fn no_raw_syntax(name: &str, doc: &Document, raw: &[&str]) {
    for s in shown(doc) {
        for r in raw {
            assert!(!s.contains(r), "{name}: raw {r:?} shown in {s:?}");
        }
    }
}

fn nothing_lost(name: &str, doc: &Document) {
    let source = std::fs::read_to_string(fixture(name)).unwrap();
    let han = |s: &str| {
        let mut v: Vec<char> = s
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(
        han(&source),
        han(&shown(doc).concat()),
        "{name}: Chinese text lost"
    );
}

#[test]
fn a_page_in_a_markdown_fence_is_unwrapped() {
    let doc = check("habits/fence.md", "outer-fence");
    assert_eq!(titles(&doc), vec!["乡村夜校开课了"]);
    let a = only(&doc);
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报记者 周明"));
    // The code block inside the article is kept, its words and all.
    assert!(shown(&doc).iter().any(|s| s.contains("=SUM(B2:B9)")));
    assert!(!shown(&doc).iter().any(|s| s.contains("markdown")));
}

#[test]
fn paddlex_html_blocks_are_read_as_html() {
    let doc = check("habits/paddlex.md", "html-block");
    assert!(doc.habits.contains(&"image-placeholder") && doc.habits.contains(&"centred-caption"));
    let a = only(&doc);
    assert_eq!(
        blocks(&doc, a, BlockKind::Image),
        vec!["img_in_image_box_12_30_410_300.jpg"]
    );
    assert_eq!(
        blocks(&doc, a, BlockKind::Caption),
        vec!["孩子们在新操场上做课间操。"]
    );
    assert_eq!(
        blocks(&doc, a, BlockKind::Table),
        vec!["项目  金额\n跑道&看台  80万元"]
    );
    assert!(!shown(&doc).iter().any(|s| s.contains("Image")));
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert_eq!(paras.len(), 3, "{paras:?}");
}

#[test]
fn mineru_latex_around_plain_symbols_is_plain_text() {
    let doc = check("habits/latex.md", "inline-latex");
    let a = only(&doc);
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert!(paras[0].contains("同比+12.5%，"), "{}", paras[0]);
    assert!(
        paras[0].contains("内销+外销订单总额达3.6亿元"),
        "{}",
        paras[0]
    );
    assert!(paras[0].contains("增长20%以上"), "{}", paras[0]);
    // A real formula stays readable; an e-mail is one word again.
    assert!(paras[1].contains("r = a/b"), "{}", paras[1]);
    assert!(paras[1].contains("wang@example.com"), "{}", paras[1]);
}

#[test]
fn private_use_bullets_and_pdf_punctuation() {
    let doc = check("habits/glyphs.md", "private-use-bullet");
    assert!(doc.habits.contains(&"pdf-punctuation"));
    let a = only(&doc);
    assert_eq!(
        blocks(&doc, a, BlockKind::ListItem),
        vec![
            "出门前关闭电源、燃气",
            "不在楼道堆放杂物",
            "发现火情及时拨打119"
        ]
    );
    let paras = blocks(&doc, a, BlockKind::Paragraph).join("");
    assert!(paras.contains("防火提示。提醒") && paras.contains("消防大队·宣传科"));
    assert!(
        !shown(&doc)
            .concat()
            .contains(['｡', '､', '･', '\u{F06C}', '\u{F0B7}'])
    );
}

#[test]
fn joining_spaces_go_from_running_text_but_not_from_the_headline() {
    let doc = check("habits/spacing.md", "cjk-space");
    let a = only(&doc);
    assert_eq!(doc.field(a.title.as_ref()), Some("春耕时节 备耕正忙"));
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报记者 钱进 孙立"));
    let p = blocks(&doc, a, BlockKind::Paragraph).join("");
    assert!(
        p.contains("春耕备耕有序推进") && p.contains("农机手们"),
        "{p}"
    );
}

#[test]
fn hard_wrapped_lines_are_one_paragraph() {
    let doc = check("habits/hardwrap.md", "hard-wrap");
    let a = only(&doc);
    assert_eq!(doc.field(a.title.as_ref()), Some("老街换新颜"));
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报记者 郑和平"));
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert_eq!(paras.len(), 1, "{paras:?}");
    assert!(paras[0].contains("老街重新开街") && paras[0].contains("木格门窗"));
    assert!(blocks(&doc, a, BlockKind::Subhead).is_empty());
}

#[test]
fn continuation_notes_stay_with_their_story() {
    let doc = check("habits/continuation.md", "continuation-note");
    // A from-note glued to a paragraph after a finished one opens another story
    // continued from page one (headless), as on real pages (`[上接第一版）亩产…` after a
    // photo item); each note stays with the story it belongs to.
    assert_eq!(titles(&doc), vec!["小麦良种推广面积扩大", ""]);
    let (a, b) = (&doc.articles[0], &doc.articles[1]);
    assert_eq!(
        blocks(&doc, a, BlockKind::ContinuationNote),
        vec!["（上接第一版）"]
    );
    assert_eq!(
        blocks(&doc, b, BlockKind::ContinuationNote),
        vec!["[上接第一版）", "（下转第3版）"]
    );
    for x in [a, b] {
        assert!(blocks(&doc, x, BlockKind::Credit).is_empty());
    }
    assert_eq!(blocks(&doc, a, BlockKind::Paragraph).len(), 1);
    let paras = blocks(&doc, b, BlockKind::Paragraph);
    assert_eq!(paras.len(), 2, "{paras:?}");
    assert!(paras[0].starts_with("各县还组织专家下乡"));
    assert!(doc.furniture.is_empty());
}

#[test]
fn a_prose_table_is_read_down_each_column() {
    let doc = check("habits/prose-table.md", "prose-table");
    let a = only(&doc);
    assert!(blocks(&doc, a, BlockKind::Table).is_empty());
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert_eq!(
        paras,
        vec![
            "日前，两地签署了农业合作协议，将在良种繁育、冷链物流等方面开展合作，共同打造特色品牌。",
            "协议还明确，两地将互派干部挂职，加强人才交流，每年联合举办一次农产品展销会。"
        ]
    );
}

#[test]
fn furniture_vocabulary_is_kept_apart() {
    let doc = open("habits/furniture.md");
    no_raw_syntax("habits/furniture.md", &doc, RAW);
    nothing_lost("habits/furniture.md", &doc);
    let furniture: Vec<&str> = doc.furniture.iter().map(|b| doc.str(&b.span)).collect();
    assert_eq!(
        furniture,
        vec![
            "2 第 版 2020年5月6日星期三",
            "要闻·综合",
            "本版编辑：张三 校对：李四 电话：010-12345678",
            "版式制作：王五",
            "E-mail：news@example.com"
        ]
    );
    let a = only(&doc);
    assert_eq!(doc.field(a.title.as_ref()), Some("全市夏粮收购有序开展"));
    assert!(a.kicker.is_none() && a.overline.is_empty());
}

#[test]
fn a_stray_character_is_not_glued_into_a_word() {
    let doc = check("habits/stray.md", "stray-character");
    let a = only(&doc);
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert_eq!(paras.len(), 1, "{paras:?}");
    assert!(paras[0].contains("忙着采摘装箱"), "{}", paras[0]);
    assert!(!paras[0].contains('字'));
}

#[test]
fn a_credit_glued_to_a_photo_caption_is_split_off() {
    let doc = check("habits/photo.md", "photo-credit");
    let all: Vec<(BlockKind, &str)> = doc
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| (b.kind, doc.str(&b.span))))
        .collect();
    assert!(all.contains(&(BlockKind::Credit, "张林报")), "{all:?}");
    assert!(all.contains(&(
        BlockKind::Caption,
        "近日，农技员在果园里为果农示范修剪果树。"
    )));
    assert!(
        !all.iter()
            .any(|(k, t)| *k == BlockKind::Paragraph && t.contains("张林报"))
    );
}

#[test]
fn the_real_converter_pages_dump_without_raw_syntax() {
    for name in [
        "real/newspaper-paddleocr-vl.md",
        "real/newspaper-omnidocbench.md",
    ] {
        let doc = open(name);
        no_raw_syntax(name, &doc, &["<div", "<img", "alt=", "style=", "![", "]("]);
        assert!(!shown(&doc).contains(&"Image"), "{name}: placeholder shown");
        nothing_lost(name, &doc);
    }
}

#[test]
fn the_paddleocr_page_field_by_field() {
    let doc = open("real/newspaper-paddleocr-vl.md");
    let a = only(&doc);
    assert_eq!(
        doc.field(a.title.as_ref()),
        Some("助力双方交往 搭建友谊桥梁")
    );
    assert_eq!(
        doc.field(a.byline.as_ref()),
        Some("本报记者 沈小晓 任彦 黄培昭")
    );
    assert_eq!(
        blocks(&doc, a, BlockKind::Subhead),
        vec![
            "“学好中文,我们的未来不是梦”",
            "“在中国学习的经历让我看到更广阔的世界”",
            "“共同向世界展示非洲和亚洲的灿烂文明”"
        ]
    );
    assert_eq!(
        blocks(&doc, a, BlockKind::Caption),
        vec!["在厄立特里亚不久前举办的第六届中国风筝文化节上，当地小学生体验风筝制作。"]
    );
    assert_eq!(
        blocks(&doc, a, BlockKind::Credit),
        vec!["中国驻厄立特里亚大使馆供图"]
    );
    assert_eq!(blocks(&doc, a, BlockKind::Image).len(), 1);
    // One column break is rejoined by its words before the decode.
    assert_eq!(
        doc.habits,
        vec!["html-block", "image-placeholder", "column-break"]
    );
}

#[test]
fn the_omnidocbench_page_front_end() {
    let doc = open("real/newspaper-omnidocbench.md");
    let all: Vec<(BlockKind, &str)> = doc
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| (b.kind, doc.str(&b.span))))
        .collect();
    // The photo item's credit (`报` for `摄`) is out of the caption; the three
    // continuation notes are notes of their own, not paragraph text or furniture.
    assert!(all.contains(&(BlockKind::Credit, "陈雷报")));
    for note in ["（上接第一版】", "[上接第一版）", "（上接第一版）"] {
        assert!(all.contains(&(BlockKind::ContinuationNote, note)), "{note}");
    }
    assert!(
        !all.iter()
            .any(|(k, t)| *k == BlockKind::Paragraph && t.contains("上接第一版"))
    );
    assert!(doc.furniture.is_empty());
    // Four of its story ends stop without `。`: the page drops paragraph stops, so
    // `……就不得不引人深思` ⏎⏎ `追根溯源，……` are two paragraphs, not a column break.
    assert!(doc.habits.contains(&"dropped-stops"), "{:?}", doc.habits);
    let paras: Vec<&str> = all
        .iter()
        .filter(|(k, _)| *k == BlockKind::Paragraph)
        .map(|(_, t)| *t)
        .collect();
    assert!(
        paras.iter().any(|t| t.starts_with("追根溯源，")),
        "{paras:?}"
    );
    assert!(paras.iter().any(|t| t.ends_with("就不得不引人深思")));
}

#[test]
fn a_paragraph_set_as_a_heading_is_a_paragraph() {
    let doc = check("habits/pymupdf.md", "heading-as-paragraph");
    let a = only(&doc);
    assert_eq!(doc.field(a.title.as_ref()), Some("合作社里话丰收"));
    assert_eq!(blocks(&doc, a, BlockKind::Subhead), vec!["下一步打算"]);
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert_eq!(paras.len(), 2, "{paras:?}");
    assert!(paras[0].starts_with("金秋时节") || paras[0].starts_with("本报讯"));
}
