//! Snapshots of the sample page as `--dump text` prints it, at widths 17, 40 and 80.
//! Kept apart from the behaviour tests: the parser changes them, and they are
//! re-accepted (`cargo insta review`) after parser changes.

use kanbao::document;
use kanbao::layout::LayoutOptions;

fn dump(width: u16) -> String {
    let doc = document::parse("sample", kanbao::input::SAMPLE);
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    kanbao::dump::text(&[doc], &opts)
}

#[test]
fn sample_at_width_17() {
    insta::assert_snapshot!(dump(17));
}

#[test]
fn sample_at_width_40() {
    insta::assert_snapshot!(dump(40));
}

#[test]
fn sample_at_width_80() {
    insta::assert_snapshot!(dump(80));
}

/// A hand-built article with every role, so the typography is pinned down
/// independently of the parser.
fn every_role() -> kanbao::document::Document {
    use kanbao::document::{Article, Block, BlockKind, Document, Span};
    let mut doc = Document::default();
    let mut span = |text: &str, line: usize| {
        let start = doc.text.len();
        doc.text.push_str(text);
        doc.text.push('\n');
        Span {
            range: start..start + text.len(),
            line,
        }
    };
    let furniture = span("2020年10月20日 星期二", 1);
    let banner = span("创新治理服务 打造美丽社区", 2);
    let kicker = span("开源街民和社区", 3);
    let title = span("党建引领促发展 服务先行惠民生", 4);
    let subtitle = span("各街道社区措施好行动快", 5);
    let byline = span("本报记者 孙鑫", 6);
    let body = [
        (
            BlockKind::Paragraph,
            "新时代基层社区如何创新治理?成立5年的民和社区以沈媛为“领头羊”,积极探索党建引领基层治理的新途径。",
        ),
        (BlockKind::Subhead, "党建引领 资源融合"),
        (
            BlockKind::Caption,
            "民和社区晚餐厅和“菜篮子”社区直营店更加便民。",
        ),
        (BlockKind::Credit, "孙鑫摄"),
        (BlockKind::ListItem, "1.摸清国家人口,惠及万家生活。"),
        (
            BlockKind::ListItem,
            "12.人口普查有你我有他,准确登记利国利民家。",
        ),
        (BlockKind::ListItem, "人口普查,惠及万家。"),
        (
            BlockKind::Quote,
            "“用心用力用情,绘制‘民情图’,精准打造服务圈。”",
        ),
        (BlockKind::Image, "images/minhe.jpg"),
        (BlockKind::Table, "项目\t数量\n服务项目\t24个"),
    ];
    let blocks = body
        .iter()
        .enumerate()
        .map(|(i, (kind, text))| Block {
            kind: *kind,
            span: span(text, 10 + i),
        })
        .collect();
    doc.furniture.push(Block {
        kind: BlockKind::Furniture,
        span: furniture,
    });
    doc.articles.push(Article {
        overline: vec![Block {
            kind: BlockKind::Banner,
            span: banner,
        }],
        kicker: Some(kicker),
        title: Some(title),
        subtitle: Some(subtitle),
        byline: Some(byline),
        line: 3,
        blocks,
    });
    doc
}

#[test]
fn every_role_at_width_30() {
    let opts = LayoutOptions {
        width: 30,
        ..LayoutOptions::default()
    };
    insta::assert_snapshot!(kanbao::dump::text(&[every_role()], &opts));
}
