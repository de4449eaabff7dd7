//! The bundled sample page, parsed end to end and asserted in full against
//! `sample.truth.json` (the shared spec).

use kanbao::document::{self, BlockKind, Document};

pub(crate) struct Expected {
    pub kicker: Option<&'static str>,
    pub title: Option<&'static str>,
    pub subtitle: Option<&'static str>,
    pub byline: Option<&'static str>,
    pub paragraphs: usize,
    pub subheads: &'static [&'static str],
    pub list_items: usize,
}

const fn art(
    kicker: Option<&'static str>,
    title: Option<&'static str>,
    subtitle: Option<&'static str>,
    byline: Option<&'static str>,
    paragraphs: usize,
) -> Expected {
    Expected {
        kicker,
        title,
        subtitle,
        byline,
        paragraphs,
        subheads: &[],
        list_items: 0,
    }
}

pub(crate) const ARTICLES: [Expected; 8] = [
    art(None, None, None, Some("本报讯 (记者 张鑫)"), 1),
    art(
        Some("依托“六新”“六最” 致力“六稳”“六保”"),
        Some("平城区全力打造现代服务业高质量发展新引擎"),
        None,
        Some("本报记者 纪元"),
        4,
    ),
    art(
        Some("平城新语"),
        Some("谱写现代服务业发展新篇章"),
        None,
        Some("闫昌"),
        4,
    ),
    Expected {
        subheads: &[
            "党建引领 资源融合",
            "“民情图”架起沟通桥梁",
            "“菜单式”服务获点赞",
        ],
        ..art(
            Some("开源街民和社区"),
            Some("党建引领促发展 服务先行惠民生"),
            None,
            Some("本报记者 孙鑫"),
            14,
        )
    },
    art(
        None,
        Some("全力做好第七次全国人口普查工作"),
        Some("各街道社区措施好行动快"),
        Some("本报讯 (记者 邸东芳)"),
        5,
    ),
    art(
        Some("创新招商方式 拓宽引资渠道"),
        Some("平城区前三季度招商引资成绩喜人"),
        None,
        Some("本报讯 (记者 张世敬)"),
        3,
    ),
    art(
        None,
        Some("用行动诠释爱的力量"),
        None,
        Some("本报记者 杨昱都"),
        5,
    ),
    Expected {
        list_items: 15,
        ..art(
            None,
            Some("第七次全国人口普查 宣传标语口号(一)"),
            None,
            None,
            0,
        )
    },
];

/// The ten column breaks of the sample: (end of the first part, start of the next).
pub(crate) const JOINS: [(&str, &str); 10] = [
    ("菜农拉着带", "泥土的大葱"),
    ("为完善现代商贸市", "场体系"),
    ("该区依托大", "秦线"),
    ("围绕现代", "服务业的发展要求"),
    ("在全区发展稳中向好", "的局面中"),
    ("变打“感情牌”为", "“机制牌”"),
    ("群众代表通过", "召开民情调查会"),
    ("赢得社", "会各界一致好评"),
    ("截至", "9月底"),
    ("无法团聚", "时,吴晓东"),
];

fn texts(doc: &Document, n: usize, kind: BlockKind) -> Vec<&str> {
    doc.articles[n]
        .blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| doc.str(&b.span))
        .collect()
}

/// Asserts titles, kickers, subtitles, bylines, paragraph counts, subheads and lists.
/// `kickers` is false for variants where a kicker cannot be told from the text alone.
pub(crate) fn assert_articles(doc: &Document, kickers: bool) {
    assert_eq!(doc.articles.len(), ARTICLES.len(), "article count");
    for (n, want) in ARTICLES.iter().enumerate() {
        let a = &doc.articles[n];
        let label = want.title.unwrap_or("(headless)");
        assert_eq!(doc.field(a.title.as_ref()), want.title, "title of {label}");
        if kickers {
            assert_eq!(
                doc.field(a.kicker.as_ref()),
                want.kicker,
                "kicker of {label}"
            );
        }
        assert_eq!(
            doc.field(a.subtitle.as_ref()),
            want.subtitle,
            "subtitle of {label}"
        );
        assert_eq!(
            doc.field(a.byline.as_ref()),
            want.byline,
            "byline of {label}"
        );
        assert_eq!(
            texts(doc, n, BlockKind::Paragraph).len(),
            want.paragraphs,
            "paragraphs of {label}"
        );
        assert_eq!(
            texts(doc, n, BlockKind::Subhead),
            want.subheads,
            "subheads of {label}"
        );
        assert_eq!(
            texts(doc, n, BlockKind::ListItem).len(),
            want.list_items,
            "list of {label}"
        );
    }
}

/// Asserts every column break is rejoined inside one paragraph or list item.
pub(crate) fn assert_joins(doc: &Document) {
    let paragraphs: Vec<&str> = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .map(|b| doc.str(&b.span))
        .collect();
    for (a, b) in JOINS {
        let joined = format!("{a}{b}");
        assert!(
            paragraphs.iter().any(|p| p.contains(&joined)),
            "not rejoined: {a}|{b}"
        );
    }
}

fn sample() -> Document {
    document::parse("sample", kanbao::input::SAMPLE)
}

#[test]
fn sample_articles_in_full() {
    assert_articles(&sample(), true);
}

#[test]
fn sample_column_breaks_rejoined() {
    assert_joins(&sample());
}

#[test]
fn sample_caption_lifted_and_paragraph_whole() {
    let doc = sample();
    let a = 3;
    assert_eq!(
        texts(&doc, a, BlockKind::Caption),
        vec!["民和社区晚餐厅和“菜篮子”社区直营店更加便民。"]
    );
    assert_eq!(texts(&doc, a, BlockKind::Credit), vec!["孙鑫摄"]);
    let paragraphs = texts(&doc, a, BlockKind::Paragraph);
    let whole = paragraphs
        .iter()
        .find(|p| p.contains("群众代表通过召开民情调查会"))
        .expect("the interrupted paragraph is whole again");
    assert!(whole.starts_with("一直以来"));
    assert!(whole.ends_with("开展精准服务。"));
    assert!(
        paragraphs
            .iter()
            .all(|p| !p.contains("晚餐厅和“菜篮子”社区直营店更加便民"))
    );
}

#[test]
fn sample_banner_and_series_label_are_not_articles() {
    let doc = sample();
    let titles: Vec<&str> = doc
        .articles
        .iter()
        .filter_map(|a| doc.field(a.title.as_ref()))
        .collect();
    assert!(!titles.contains(&"创新治理服务 打造美丽社区"));
    assert!(!titles.contains(&"做好“六稳” 落实“六保”"));
    let over = |n: usize| -> Vec<(BlockKind, &str)> {
        doc.articles[n]
            .overline
            .iter()
            .map(|b| (b.kind, doc.str(&b.span)))
            .collect()
    };
    assert_eq!(
        over(2),
        vec![(BlockKind::SeriesLabel, "做好“六稳” 落实“六保”")]
    );
    assert_eq!(
        over(4),
        vec![(BlockKind::Banner, "创新治理服务 打造美丽社区")]
    );
}

#[test]
fn sample_headless_continuation_keeps_its_opening() {
    let doc = sample();
    let first = texts(&doc, 0, BlockKind::Paragraph);
    assert!(first[0].starts_with("为扮靓城市环境,近日"));
    assert_eq!(doc.articles[0].line, 3);
}
