//! The converter-variant fixtures (issue 8, item 4): each parses into sensible
//! articles, with kicker, title and byline in their fields, page furniture out of the
//! article text but still shown.

use kanbao::document::{Article, BlockKind, Document};
use kanbao::layout::{self, LayoutOptions, LineRole};

use crate::input::fixture;

fn open(name: &str) -> Document {
    let bytes = std::fs::read(fixture(name)).unwrap();
    kanbao::input::document_from_bytes(name, &bytes, None).unwrap()
}

/// The article titled `title`.
fn article<'a>(doc: &'a Document, title: &str) -> &'a Article {
    doc.articles
        .iter()
        .find(|a| doc.field(a.title.as_ref()) == Some(title))
        .unwrap_or_else(|| panic!("no article titled {title}; titles: {:?}", titles(doc)))
}

fn titles(doc: &Document) -> Vec<&str> {
    doc.articles
        .iter()
        .map(|a| doc.field(a.title.as_ref()).unwrap_or(""))
        .collect()
}

fn blocks(doc: &Document, a: &Article, kind: BlockKind) -> Vec<String> {
    a.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| doc.str(&b.span).to_string())
        .collect()
}

fn body(doc: &Document, a: &Article) -> String {
    blocks(doc, a, BlockKind::Paragraph).join("\n")
}

/// Every article's text: fields, overline and blocks.
fn all_text(doc: &Document) -> String {
    let mut out = String::new();
    for a in &doc.articles {
        for b in &a.overline {
            out.push_str(doc.str(&b.span));
        }
        for f in [&a.kicker, &a.title, &a.subtitle, &a.byline] {
            out.push_str(doc.field(f.as_ref()).unwrap_or(""));
        }
        for b in &a.blocks {
            out.push_str(doc.str(&b.span));
        }
    }
    out
}

fn dump_text(doc: &Document) -> String {
    kanbao::dump::text(std::slice::from_ref(doc), &LayoutOptions::default())
}

#[test]
fn mineru_every_title_at_one_level() {
    let doc = open("mineru.md");
    let a = article(&doc, "平城区全力打造现代服务业高质量发展新引擎");
    assert_eq!(
        doc.field(a.kicker.as_ref()),
        Some("依托“六新”“六最” 致力“六稳”“六保”")
    );
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报记者 纪元"));
    assert!(
        body(&doc, a).contains("为完善市场体系"),
        "column break joined"
    );
    let b = article(&doc, "谱写现代服务业发展新篇章");
    assert_eq!(doc.field(b.byline.as_ref()), Some("闫昌"));
    // A heading over unrelated text: its own article or a subhead, never body text.
    assert!(
        titles(&doc).contains(&"党建引领 资源融合")
            || blocks(&doc, a, BlockKind::Subhead) == ["党建引领 资源融合"]
    );
    for a in &doc.articles {
        assert!(!body(&doc, a).contains("本报记者") && !body(&doc, a).contains("闫昌"));
    }
}

#[test]
fn marker_bold_headings_spans_images_tables() {
    let doc = open("marker.md");
    let a = article(&doc, "平城区全力打造现代服务业高质量发展新引擎");
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报记者 纪元"));
    // The line above the headline stays above it (kicker or banner), not in the body.
    let above = doc
        .field(a.kicker.as_ref())
        .map(str::to_string)
        .or_else(|| a.overline.first().map(|b| doc.str(&b.span).to_string()));
    assert_eq!(above.as_deref(), Some("依托“六新”“六最” 致力“六稳”“六保”"));
    assert_eq!(blocks(&doc, a, BlockKind::Image).len(), 1);
    assert_eq!(
        blocks(&doc, a, BlockKind::Caption),
        ["民和社区晚餐厅和“菜篮子”社区直营店更加便民。"]
    );
    assert_eq!(blocks(&doc, a, BlockKind::Credit), ["孙鑫摄"]);
    assert_eq!(blocks(&doc, a, BlockKind::Subhead), ["党建引领 资源融合"]);
    let table = blocks(&doc, a, BlockKind::Table).join("");
    assert!(table.contains("地区生产总值") && table.contains("310亿元"));
    let b = article(&doc, "谱写现代服务业发展新篇章");
    assert_eq!(doc.field(b.byline.as_ref()), Some("闫昌"));
    assert_eq!(doc.articles.len(), 2, "{:?}", titles(&doc));
    let text = all_text(&doc);
    assert!(!text.contains("**") && !text.contains("<span"), "{text}");
}

#[test]
fn no_markup_at_all() {
    let doc = open("nomarks.md");
    assert_eq!(
        titles(&doc),
        [
            "平城区全力打造现代服务业高质量发展新引擎",
            "谱写现代服务业发展新篇章"
        ]
    );
    assert_eq!(
        doc.field(doc.articles[0].byline.as_ref()),
        Some("本报记者 纪元")
    );
    assert_eq!(doc.field(doc.articles[1].byline.as_ref()), Some("闫昌"));
    assert!(body(&doc, &doc.articles[0]).contains("为完善市场体系"));
}

#[test]
#[ignore = "gap: a body sentence next to a table (`…如下表。数据来源：区统计局`) reads as a caption to the fitted model"]
fn html_tables_line_breaks_and_images() {
    let doc = open("html.md");
    let a = article(&doc, "前三季度主要经济指标");
    assert_eq!(blocks(&doc, a, BlockKind::Image).len(), 1);
    let table = blocks(&doc, a, BlockKind::Table).join("");
    for cell in ["指标", "数值", "增速", "地区生产总值", "310亿元", "3.2%"] {
        assert!(table.contains(cell), "{cell} in {table}");
    }
    let body = body(&doc, a);
    assert!(body.contains("数据来源：区统计局") && body.contains("稳中向好。"));
    assert!(
        !all_text(&doc).contains('<'),
        "no HTML left: {}",
        all_text(&doc)
    );
    assert!(dump_text(&doc).contains("[img]"));
}

#[test]
fn page_furniture_is_kept_apart_and_shown() {
    let doc = open("furniture.md");
    let furniture: Vec<&str> = doc.furniture.iter().map(|b| doc.str(&b.span)).collect();
    let expected = [
        "2020年10月20日 星期二",
        "第3版",
        "责任编辑：王五",
        "本版编辑：赵六  美编：钱七",
    ];
    assert_eq!(furniture, expected);
    let a = article(&doc, "平城区前三季度招商引资成绩喜人");
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报讯 (记者 张世敬)"));
    let text = all_text(&doc);
    for f in expected {
        assert!(!text.contains(f), "{f} in article text");
    }
    // Shown: in the dump, and as furniture lines of the layout (drawn dimmed).
    let dump = dump_text(&doc);
    for f in expected {
        assert!(dump.contains(f), "{f} not shown:\n{dump}");
    }
    let laid = layout::lay_out(&doc, &LayoutOptions::default());
    let roles = laid
        .lines
        .iter()
        .filter(|l| l.role == LineRole::Furniture)
        .count();
    assert_eq!(roles, expected.len());
}

#[test]
fn news_agency_datelines_are_bylines() {
    let doc = open("agency.md");
    assert_eq!(
        titles(&doc),
        ["全国秋粮收购进展顺利", "山西加快推进大同副中心城市建设"]
    );
    let bylines: Vec<_> = doc
        .articles
        .iter()
        .map(|a| doc.field(a.byline.as_ref()).unwrap_or(""))
        .collect();
    assert_eq!(
        bylines,
        ["新华社北京10月15日电（记者 李四）", "新华社太原10月16日电"]
    );
    assert!(body(&doc, &doc.articles[0]).starts_with("记者从国家粮食和物资储备局获悉"));
    assert!(body(&doc, &doc.articles[1]).starts_with("山西省近日出台意见"));
}

#[test]
fn a_page_of_short_briefs() {
    let doc = open("briefs.md");
    assert_eq!(doc.articles.len(), 6, "{:?}", titles(&doc));
    for a in &doc.articles {
        assert_eq!(doc.field(a.byline.as_ref()), Some("本报讯"));
        assert_eq!(blocks(&doc, a, BlockKind::Paragraph).len(), 1);
        assert!(!body(&doc, a).starts_with("本报讯"));
    }
    // The column name heads the first brief, not an article of its own.
    let first = &doc.articles[0];
    let label = doc
        .field(first.kicker.as_ref())
        .map(str::to_string)
        .or_else(|| first.overline.first().map(|b| doc.str(&b.span).to_string()));
    assert_eq!(label.as_deref(), Some("简讯"));
    assert!(!titles(&doc).contains(&"简讯"));
}

#[test]
fn traditional_characters_and_corner_quotes() {
    let doc = open("big5.md");
    assert_eq!(doc.encoding, "Big5");
    assert_eq!(
        titles(&doc),
        ["臺北市舉辦國際書展", "颱風過境 各地加強防範"]
    );
    assert_eq!(doc.field(doc.articles[0].byline.as_ref()), Some("本報訊"));
    assert!(body(&doc, &doc.articles[0]).starts_with("「閱讀讓城市更美好。」市長"));
    assert!(body(&doc, &doc.articles[1]).ends_with("「請大家不要到海邊觀浪。」"));
}

#[test]
fn half_width_punctuation_inside_chinese_text() {
    let doc = open("halfwidth.md");
    let a = article(&doc, "平城区:服务业增加值同比增长(初步核算)");
    assert_eq!(doc.field(a.byline.as_ref()), Some("本报讯(记者 张鑫)"));
    let paras = blocks(&doc, a, BlockKind::Paragraph);
    assert_eq!(paras.len(), 2, "{paras:?}");
    assert!(paras[0].starts_with("今年以来,平城区坚持\"项目为王\""));
    // A column break after a half-width comma-less word is joined; `?` and `.` end
    // sentences like their full-width forms.
    assert!(paras[1].contains("该区还将新建社区连锁超市20家"));
    assert!(paras[1].ends_with("答案是肯定的."));
}
