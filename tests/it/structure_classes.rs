//! The failure classes of issue 12 ("structure decisions that hold on pages kanbao has
//! never seen"), one test each, on made-up text in their shape. Each asserts what a
//! careful editor reads.

use kanbao::document::{self, BlockKind, Document};

fn titles(doc: &Document) -> Vec<&str> {
    doc.articles
        .iter()
        .filter_map(|a| doc.field(a.title.as_ref()))
        .collect()
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| doc.str(&b.span))
        .collect()
}

const BODY_A: &str = "今年以来，青山镇围绕乡村振兴目标，组织农户发展特色种植，带动村民增收致富，全镇蔬菜种植面积达到三千亩。";
const BODY_B: &str =
    "市图书馆近日推出夜间阅读服务，延长开放时间至晚上十点，方便上班族借阅图书，读者纷纷点赞。";

#[test]
fn a_short_column_break_fragment_is_rejoined_not_a_headline() {
    let md = format!(
        "## 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}镇党委书记李明多次\n\n走访农户，帮助解决销售难题。\n\n## 市图书馆推出夜间阅读\n\n本报记者 李四\n\n{BODY_B}"
    );
    let doc = document::parse("p", &md);
    assert_eq!(
        titles(&doc),
        ["青山镇蔬菜产业助农增收", "市图书馆推出夜间阅读"]
    );
    assert!(
        paragraphs(&doc)
            .iter()
            .any(|p| p.contains("李明多次走访农户")),
        "{:?}",
        paragraphs(&doc)
    );
}

#[test]
fn every_heading_at_one_level_a_headline_after_a_finished_story_opens_an_article() {
    let md = format!(
        "# 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}\n\n{BODY_A}\n\n# 市图书馆推出夜间阅读\n\n本报记者 李四\n\n{BODY_B}\n\n{BODY_B}"
    );
    let doc = document::parse("p", &md);
    assert_eq!(doc.articles.len(), 2);
    assert_eq!(
        titles(&doc),
        ["青山镇蔬菜产业助农增收", "市图书馆推出夜间阅读"]
    );
}

#[test]
#[ignore = "gap: since the merge of the real-page and hard-wrap front ends, every refit reads a short question line over an own-line byline, between two paragraphs, as a paragraph (the rule parser's verdict outweighs len/topic/next-byline cues); it passed on the fit branch alone"]
fn unmarked_headline_with_comma_and_question_mark_is_a_headline() {
    let md = format!("{BODY_B}\n\n粮食连年丰收，明年还能再增产吗？\n\n本报记者 王五\n\n{BODY_A}");
    let doc = document::parse("p", &md);
    assert!(
        titles(&doc).contains(&"粮食连年丰收，明年还能再增产吗？"),
        "{:?}",
        titles(&doc)
    );
}

#[test]
fn bylines_outside_the_known_phrases_keep_the_headline_above_them() {
    for byline in ["文/图 本报记者 王五", "本报记者 王五 通讯员 赵六"] {
        let md = format!("## 青山镇蔬菜产业助农增收\n\n{byline}\n\n{BODY_A}");
        let doc = document::parse("p", &md);
        assert_eq!(titles(&doc), ["青山镇蔬菜产业助农增收"], "{byline}");
        assert_eq!(doc.field(doc.articles[0].byline.as_ref()), Some(byline));
    }
}

#[test]
fn a_closing_line_of_names_is_the_byline_not_body_text() {
    let md =
        format!("## 青山镇蔬菜产业助农增收\n\n{BODY_A}\n\n{BODY_A}\n\n张海亮  付纯志   赵学堂");
    let doc = document::parse("p", &md);
    let a = &doc.articles[0];
    assert_eq!(
        doc.field(a.byline.as_ref()),
        Some("张海亮  付纯志   赵学堂")
    );
    assert_eq!(paragraphs(&doc).len(), 2);
}

#[test]
fn end_notes_are_neither_titles_nor_articles() {
    let md = format!(
        "## 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}\n\n（特别感谢青山镇农业站对本文的支持）\n\n本期统筹：钱七"
    );
    let doc = document::parse("p", &md);
    assert_eq!(titles(&doc), ["青山镇蔬菜产业助农增收"]);
    assert_eq!(doc.articles.len(), 1);
}

#[test]
fn a_photo_item_is_not_glued_into_the_story_before_it() {
    let md = format!(
        "## 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}\n\n![](images/a1.jpg)\n\n金秋稻田\n\n秋收时节，青山镇的稻田一片金黄。\n\n本报记者 孙鑫 摄"
    );
    let doc = document::parse("p", &md);
    let first = paragraphs(&doc);
    assert!(
        !first.iter().any(|p| p.contains("稻田一片金黄")),
        "the caption must not be body text: {first:?}"
    );
    let credits: Vec<&str> = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| b.kind == BlockKind::Credit)
        .map(|b| doc.str(&b.span))
        .collect();
    assert_eq!(credits, ["本报记者 孙鑫 摄"]);
}

#[test]
fn explanations_name_a_role_and_cues_for_every_unit() {
    let md = format!("## 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}");
    let doc = document::parse_explained("p", &md);
    let roles: Vec<&str> = doc.explanations.iter().map(|e| e.role).collect();
    assert_eq!(roles, ["headline", "byline", "paragraph"]);
    assert!(doc.explanations.iter().all(|e| !e.cues.is_empty()));
    assert_eq!(doc.explanations[1].line, 3);
}

/// Two made-up stories as line-by-line OCR writes them: every printed line a line, ten
/// ideographs to a body line, the headlines set wider, no blank lines.
const HARD_WRAPPED: &str = "\
青山镇蔬菜产业助农增收 合作社带
动千户种菜
本报记者 张三
今年以来，青山镇围绕乡
村振兴目标，组织农户发
展特色种植，全镇蔬菜种
植三千亩。
镇党委书记李明多次走访
农户，帮助解决销售难题，
村民增收。
市图书馆推出夜间阅读服务方便上班族
本报记者 李四
市图书馆近日推出夜间阅
读服务，延长开放时间至
晚上十点，读者纷纷点赞，
都说好。
";

#[test]
fn hard_wrapped_lines_are_gathered_and_wide_lines_head_the_stories() {
    let doc = document::parse("p", HARD_WRAPPED);
    assert_eq!(
        titles(&doc),
        [
            "青山镇蔬菜产业助农增收 合作社带动千户种菜",
            "市图书馆推出夜间阅读服务方便上班族"
        ]
    );
    assert_eq!(
        paragraphs(&doc),
        [
            "今年以来，青山镇围绕乡村振兴目标，组织农户发展特色种植，全镇蔬菜种植三千亩。",
            "镇党委书记李明多次走访农户，帮助解决销售难题，村民增收。",
            "市图书馆近日推出夜间阅读服务，延长开放时间至晚上十点，读者纷纷点赞，都说好。"
        ]
    );
    assert!(doc.habits.contains(&"hard-wrap") && doc.habits.contains(&"wide-head"));
}

#[test]
fn a_two_character_fragment_on_a_hard_wrapped_page_is_rejoined() {
    // The column broke two characters into a paragraph, inside an open quotation.
    let md = HARD_WRAPPED.replace(
        "镇党委书记李明多次走访\n",
        "\n“镇\n\n党委书记李明多次走访\n",
    );
    let doc = document::parse("p", &md);
    assert_eq!(titles(&doc).len(), 2, "{:?}", titles(&doc));
    assert!(
        paragraphs(&doc)
            .iter()
            .any(|p| p.starts_with("“镇党委书记李明多次走访农户")),
        "{:?}",
        paragraphs(&doc)
    );
    // Not where the next line opens a paragraph of its own (indented), however
    // open the line before it is.
    let md = HARD_WRAPPED.replace(
        "植三千亩。\n镇党委书记李明多次走访\n",
        "植三千亩和\n\n　　镇党委书记李明多次走访\n",
    );
    let doc = document::parse("p", &md);
    assert_eq!(paragraphs(&doc).len(), 3, "{:?}", paragraphs(&doc));
}

#[test]
fn continuation_notes_are_notes_of_their_story_not_credits() {
    let md = format!(
        "## 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n（上接第一版）\n\n{BODY_A}\n\n（下转第3版）\n\n## 市图书馆推出夜间阅读\n\n本报记者 李四\n\n{BODY_B}"
    );
    let doc = document::parse("p", &md);
    let kinds: Vec<(BlockKind, &str)> = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .map(|b| (b.kind, doc.str(&b.span)))
        .collect();
    assert!(
        kinds.contains(&(BlockKind::ContinuationNote, "（上接第一版）")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(BlockKind::ContinuationNote, "（下转第3版）")),
        "{kinds:?}"
    );
    assert!(kinds.iter().all(|(k, _)| *k != BlockKind::Credit));
    let first = doc.articles.first().map_or(0, |a| a.blocks.len());
    assert_eq!(first, 3, "both notes stay with the first story: {kinds:?}");
}

#[test]
fn a_stray_character_is_kept_but_is_no_caption() {
    let md = format!("## 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}\n\n字\n\n{BODY_B}");
    let doc = document::parse("p", &md);
    let captions = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| b.kind == BlockKind::Caption)
        .count();
    assert_eq!(captions, 0);
    assert!(doc.furniture.iter().any(|b| doc.str(&b.span) == "字"));
    // Not a character of a word: a page number beside a caption is left to the
    // furniture step, a wrapped last character stays in its paragraph.
    let md = format!("## 标题\n\n{BODY_A}农民收入显著增\n加\n\n{BODY_B}");
    let doc = document::parse("p", &md);
    assert!(doc.furniture.iter().all(|b| doc.str(&b.span) != "加"));
}

/// Every head at one level (MinerU-like), subheads too: a story, a subhead sharing its
/// topic, then the headline of a story continued from page one over its from-note, on
/// the same subject (a page of one section), so that topic alone would not part them.
fn one_level_page(over_note: &str) -> String {
    let more = "青山镇蔬菜种植面积达到三千亩，农户增收致富，蔬菜产业成为全镇支柱。";
    let continued = "全镇组织农户发展特色种植以来，蔬菜种植面积达到三千亩，带动村民增收致富。";
    format!(
        "# 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}\n\n# 蔬菜种植带动农户增收\n\n{more}\n\n# 特色种植让村民腰包鼓起来\n\n{over_note}{continued}\n\n{continued}"
    )
}

#[test]
fn a_headline_over_a_from_note_opens_its_article_on_a_one_level_page() {
    // Newspaper habit: a continued story's headline is reprinted over `（上接第一版）`.
    for note in ["（上接第一版）\n\n", "（上接第一版】"] {
        let doc = document::parse("p", &one_level_page(note));
        assert_eq!(
            titles(&doc),
            ["青山镇蔬菜产业助农增收", "特色种植让村民腰包鼓起来"],
            "{note}"
        );
        let notes: Vec<&str> = doc.articles[1]
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ContinuationNote)
            .map(|b| doc.str(&b.span))
            .collect();
        assert_eq!(notes.len(), 1, "the note stays with its story");
    }
}

#[test]
fn a_rule_reads_a_heading_over_a_from_note_as_a_headline_and_no_other() {
    use kanbao::document::structure::Page;
    let roles = |md: &str| {
        let page = Page::new(md);
        (0..page.len())
            .map(|i| (page.text(i).to_string(), page.rule_roles()[i]))
            .collect::<Vec<_>>()
    };
    let with = roles(&one_level_page("（上接第一版）\n\n"));
    let role_of = |rs: &[(String, &str)], t: &str| {
        rs.iter()
            .find(|(x, _)| x == t)
            .map(|(_, r)| r.to_string())
            .unwrap_or_default()
    };
    assert_eq!(role_of(&with, "特色种植让村民腰包鼓起来"), "headline");
    // The subhead over no note, on the story's own topic, stays a subhead.
    assert_eq!(role_of(&with, "蔬菜种植带动农户增收"), "subhead");
    // Over a to-note (`（下转第3版）`) or no note, the same heading on the same
    // subject is a subhead of the story before.
    for other in ["（下转第3版）\n\n", ""] {
        let rs = roles(&one_level_page(other));
        assert_eq!(
            role_of(&rs, "特色种植让村民腰包鼓起来"),
            "subhead",
            "{other}"
        );
    }
}

#[test]
fn a_from_note_after_a_photo_item_opens_a_headless_continuation() {
    let item = "![](images/a1.jpg)\n\n金秋稻田\n\n秋收时节，青山镇的稻田一片金黄。本报记者 孙鑫 摄";
    let md = format!(
        "# 青山镇蔬菜产业助农增收\n\n本报记者 张三\n\n{BODY_A}\n\n{item}\n\n[上接第一版）{BODY_B}\n\n{BODY_B}"
    );
    let doc = document::parse("p", &md);
    let last = doc.articles.last().expect("articles");
    assert_eq!(doc.field(last.title.as_ref()), None, "{:?}", titles(&doc));
    let kinds: Vec<BlockKind> = last.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::ContinuationNote,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
    // Nothing of the continuation went into the stories before it.
    for a in &doc.articles[..doc.articles.len() - 1] {
        assert!(
            a.blocks
                .iter()
                .all(|b| !doc.str(&b.span).contains("夜间阅读")),
            "{:?}",
            titles(&doc)
        );
    }
    // Under a headline and its byline the note is the story's own: one article.
    let own =
        format!("# 市图书馆推出夜间阅读\n\n本报记者 李四\n\n[上接第一版）{BODY_B}\n\n{BODY_B}");
    let doc = document::parse("p", &own);
    assert_eq!(titles(&doc), ["市图书馆推出夜间阅读"]);
    assert_eq!(doc.articles.len(), 1);
}

#[test]
fn a_closing_line_of_names_outranks_a_bare_dateline() {
    // `本报讯` names nobody: the reporters signed at the story's foot are its byline.
    let md = format!(
        "# 青山镇蔬菜产业助农增收\n\n本报讯  {BODY_A}\n\n{BODY_A}\n\n张海亮  付纯志   赵学堂\n\n# 市图书馆推出夜间阅读\n\n本报记者 李四\n\n{BODY_B}"
    );
    let doc = document::parse("p", &md);
    assert_eq!(
        titles(&doc),
        ["青山镇蔬菜产业助农增收", "市图书馆推出夜间阅读"]
    );
    let a = &doc.articles[0];
    assert_eq!(
        doc.field(a.byline.as_ref()),
        Some("张海亮  付纯志   赵学堂")
    );
    assert_eq!(paragraphs(&doc).len(), 3, "{:?}", paragraphs(&doc));
    // A line of names inside the text, a paragraph after it, is not signed by it.
    let inside = md.replace(
        "张海亮  付纯志   赵学堂\n\n#",
        &format!("张海亮  付纯志   赵学堂\n\n{BODY_A}\n\n#"),
    );
    let doc = document::parse("p", &inside);
    assert_ne!(
        doc.field(doc.articles[0].byline.as_ref()),
        Some("张海亮  付纯志   赵学堂")
    );
}

#[test]
fn a_from_note_after_a_signed_story_opens_a_headless_continuation() {
    let md = format!(
        "# 青山镇蔬菜产业助农增收\n\n{BODY_A}\n\n{BODY_A}\n\n张海亮  付纯志   赵学堂\n\n（上接第一版）\n\n{BODY_B}\n\n{BODY_B}"
    );
    let doc = document::parse("p", &md);
    assert_eq!(doc.articles.len(), 2, "{:?}", titles(&doc));
    assert_eq!(doc.field(doc.articles[1].title.as_ref()), None);
    assert!(
        doc.articles[0]
            .blocks
            .iter()
            .all(|b| !doc.str(&b.span).contains("夜间阅读"))
    );
}
