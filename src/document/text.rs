//! Character-level cues the structure inference reads: end punctuation, line length,
//! "looks like a headline". Kept apart so each cue has one definition and its own tests.

/// Punctuation that closes a sentence (or a quotation / bracket that closes one).
/// A paragraph part ending with one of these is not cut by a column break.
pub(crate) fn is_final_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '…'
            | '；'
            | ';'
            | '：'
            | ':'
            | '”'
            | '’'
            | '"'
            | '」'
            | '』'
            | '）'
            | ')'
            | '】'
            | '》'
            | '〉'
            | '.'
            | '．'
            | '｡'
    )
}

/// Whitespace as OCR output uses it, including the ideographic space used for indents.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Trims ASCII, Unicode and ideographic whitespace.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Whether the text ends a sentence (last non-space character is final punctuation).
pub(crate) fn ends_sentence(s: &str) -> bool {
    trim(s).chars().next_back().is_some_and(is_final_punct)
}

/// Whether the character is a Chinese ideograph (the basic and extension A blocks).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Whether a character belongs to Chinese text: an ideograph, CJK or full-width
/// punctuation, kana. No space goes next to these when lines are joined.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{30ff}' | '\u{ff00}'..='\u{ffef}' | '\u{2e80}'..='\u{2fdf}')
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Whether joining `after` to `before` (two lines, or the sides of a `<br>`) needs a
/// space: between Latin words yes, next to Chinese text no (`全区经济运行<br/>稳中向好`
/// is one sentence).
pub(crate) fn needs_space(before: &str, after: &str) -> bool {
    match (before.chars().next_back(), after.chars().next()) {
        (Some(a), Some(b)) => !is_cjk(a) && !is_cjk(b) && !is_space(a) && !is_space(b),
        _ => false,
    }
}

/// Characters that carry words (ideographs, letters, digits): the measure of a title's
/// weight, so that quotes and spaces do not make a kicker look longer than its headline.
pub(crate) fn word_chars(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Counts characters, stopping early once `limit` is exceeded (long lines stay cheap).
pub(crate) fn chars_up_to(s: &str, limit: usize) -> usize {
    s.chars().filter(|c| !is_space(*c)).take(limit + 1).count()
}

/// The longest line still taken for a headline, kicker, subtitle or subhead.
pub(crate) const TITLE_MAX_CHARS: usize = 40;

/// Whether a plain line could be a headline, kicker, subtitle, subhead or label: short,
/// and free of the punctuation running text has inside or at the end of a sentence.
pub(crate) fn is_title_like(s: &str) -> bool {
    let s = trim(s);
    let n = chars_up_to(s, TITLE_MAX_CHARS);
    if !(2..=TITLE_MAX_CHARS).contains(&n) || word_chars(s) == 0 {
        return false;
    }
    // A subtitle introduced by a dash may carry commas.
    let dashed = s.starts_with("——") || s.starts_with("--");
    let inner_ok = s.chars().all(|c| {
        !matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
            && (dashed || !matches!(c, '，' | ','))
    });
    let last_ok = s.chars().next_back().is_some_and(|c| {
        !is_final_punct(c) || matches!(c, '”' | '’' | '"' | '」' | '』' | '）' | ')' | '】' | '》')
    });
    inner_ok && last_ok
}

/// Paragraph openers that mark a new paragraph even after a part lacking end
/// punctuation: enumerations such as `一、`, `（二）`, `3.`, `第一，`.
pub(crate) fn starts_enumeration(s: &str) -> bool {
    let s = trim(s);
    let mut chars = s.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some('（' | '(' | '第'), Some(c)) | (Some(c), Some('、' | '.' | '．')) => {
            is_numeral(c)
        }
        _ => s.starts_with("首先") || s.starts_with("其次") || s.starts_with("最后"),
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// Whether a part plainly goes on the sentence before it: it opens with punctuation
/// that cannot start a sentence or with a particle that cannot start one (`的局面中`).
pub(crate) fn clearly_continues(s: &str) -> bool {
    trim(s)
        .chars()
        .next()
        .is_some_and(|c| "，,、。；;：:！？!?）)”’的地得了着过们之".contains(c))
}

/// Characters a title or a sentence does not end on: a particle or a preposition
/// still waiting for its word (`冬天的` ⏎⏎ `早晨`).
pub(crate) fn ends_mid_phrase(a: &str) -> bool {
    let a = a.trim_end();
    let waits = a
        .chars()
        .next_back()
        .is_some_and(|c| "的地得之把被将让使向从在对和与及或而并且于为给是这那其每各".contains(c));
    waits && !closes_shi_de(a)
}

/// Whether `a` ends a `是……的` clause (`跨越都不是一帆风顺的`, `是荣誉引来的`): the
/// construction closes its sentence on `的`, so a line ending so may be a whole
/// paragraph whose `。` the OCR dropped. In the training articles 84% of sentences
/// ending on `的` hold a `是` in their last clause, against 13% of `的` inside one.
fn closes_shi_de(a: &str) -> bool {
    let Some(body) = a.strip_suffix('的') else {
        return false;
    };
    let clause = body
        .rsplit(['，', '。', '；', '：', '！', '？', ',', ';', ':'])
        .next()
        .unwrap_or(body);
    clause.contains('是')
}

/// A part cut on a two-character preposition that waits for its object (`……截至`
/// ⏎⏎ `9月底，……`, `……代表通过`): a column-break fragment, not a finished line.
pub(crate) fn ends_on_preposition(a: &str) -> bool {
    const WAITING: [&str; 19] = [
        "通过",
        "按照",
        "根据",
        "围绕",
        "随着",
        "关于",
        "对于",
        "为了",
        "经过",
        "截至",
        "截止",
        "截止到",
        "包括",
        "针对",
        "依托",
        "面对",
        "作为",
        "自从",
        "沿着",
    ];
    let t = a.trim_end();
    WAITING.iter().any(|w| t.ends_with(w))
}

/// A line that announces itself as a photo caption (`图为…`, `▲…`, `上图：…`): it
/// opens a block of its own, whatever the line above it ends on.
pub(crate) fn announces_caption(t: &str) -> bool {
    [
        "图为", "▲", "△", "上图", "下图", "左图", "右图", "图：", "图:",
    ]
    .iter()
    .any(|p| trim(t).starts_with(p))
}

/// A photo credit: a short line ending in `摄` / `摄影` / `供图`, without sentences; a
/// picture agency's tag may follow in brackets (`吴承忠摄(影像中国)`, `张  鹰摄（人民视觉）`).
pub(crate) fn is_credit(t: &str) -> bool {
    let t = trim(t);
    if let Some(open) = t.rfind(['(', '（'])
        && open > 0
        && t.ends_with([')', '）'])
        && chars_up_to(t.get(open..).unwrap_or(""), 10) <= 10
        && credit_core(trim(t.get(..open).unwrap_or("")))
    {
        return true;
    }
    credit_core(t)
}

/// A line closed by a photo credit after a gap or a full stop: a caption with its
/// credit on the same line (`…在车间赶制订单。　　胡建国 摄`). Such a line ends its
/// block: the line after it is never the rest of its sentence.
pub(crate) fn ends_with_credit(t: &str) -> bool {
    let t = trim(t);
    let credit_after = |sep: &str| {
        t.rsplit_once(sep).is_some_and(|(head, tail)| {
            let tail = trim(tail);
            !trim(head).is_empty() && chars_up_to(tail, 3) >= 3 && is_credit(tail)
        })
    };
    ["。", "\u{3000}", "  "].into_iter().any(credit_after)
        || t.ends_with('摄') && chars_up_to(t, 200) > 30 && t.contains('。')
}

/// The words a photo credit is made of: who took the picture (`摄`, `攝`, `摄影`,
/// OCR's `报` for `摄` at the end), drew it (`绘`, `制图`), gave it (`供图`, `资料图片`,
/// `图/`, `提供`), or their titles and agencies (`记者`, `通讯员`, `新华社`,
/// `视觉中国`, `IC`, …).
const CREDIT_WORDS: [&str; 23] = [
    "摄",
    "攝",
    "供图",
    "供圖",
    "图/",
    "图／",
    "图：",
    "圖/",
    "图片",
    "图文",
    "绘",
    "繪",
    "制图",
    "漫画",
    "记者",
    "記者",
    "通讯员",
    "新华社",
    "中新社",
    "视觉",
    "提供",
    "IC",
    "photo",
];

/// Whether a line could be a photo credit at all: it holds a credit word. Every
/// credit among the 655 of the training pages holds one (`FIT_GOLD_TEXTS=credit`);
/// a two-half subhead `党建引领 资源融合` under a caption, or a short second head
/// `丙版次条` after a story, holds none, and is no credit however its neighbours read.
pub(crate) fn may_be_credit(t: &str) -> bool {
    let t = trim(t);
    CREDIT_WORDS.iter().any(|w| t.contains(w)) || t.trim_end_matches([')', '）']).ends_with('报')
}

fn credit_core(t: &str) -> bool {
    let core = t
        .trim_end_matches([')', '）'])
        .trim_start_matches(['(', '（']);
    // A stock photo is credited by the words alone (`资料图片`).
    if ["资料图片", "资料照片", "資料圖片"].contains(&trim(core)) {
        return true;
    }
    chars_up_to(core, 30) <= 30
        && ["摄", "摄影", "供图", "攝", "攝影", "供圖"]
            .iter()
            .any(|w| core.ends_with(w))
        && !core.contains(['。', '，', ',', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_may_carry_its_agency_s_tag() {
        assert!(is_credit("孙鑫摄"));
        assert!(ends_with_credit(
            "5月6日，工人在车间赶制订单。　　胡建国 摄"
        ));
        assert!(ends_with_credit("工人在车间赶制订单。胡建国摄"));
        assert!(!ends_with_credit("胡建国 摄"));
        assert!(!ends_with_credit("他拿起相机，对准远山拍摄"));
        assert!(is_credit("（新华社记者 王五 摄）"));
        assert!(is_credit("吴承忠摄(影像中国)"));
        assert!(is_credit("张  鹰摄（人民视觉）"));
        assert!(is_credit("资料图片"));
        assert!(!is_credit("一组资料图片展示了他的一生"));
        // A head with a bracketed tag is no credit.
        assert!(!is_credit("城市美学在细节（暖闻热评）"));
        assert!(!is_credit("我们拍摄了许多照片，(图)"));
    }

    #[test]
    fn a_credit_holds_credit_words() {
        for c in [
            "孙鑫摄",
            "新华社记者 于子涵 报",
            "中国驻厄立特里亚大使馆供图",
            "资料图片",
            "洪  琥绘",
            "图/视觉中国",
        ] {
            assert!(may_be_credit(c), "{c}");
        }
        assert!(!may_be_credit("党建引领 资源融合"));
        assert!(!may_be_credit("丙版次条"));
        assert!(!may_be_credit("民情图架起沟通桥梁"));
    }

    #[test]
    fn a_shi_de_clause_is_not_left_waiting() {
        assert!(ends_mid_phrase("菜农拉着带泥土的"));
        assert!(!ends_mid_phrase("每一次跨越都不是一帆风顺的"));
        assert!(!ends_mid_phrase("一营的辉煌，正是这群年轻人创造的"));
        // `是` in an earlier clause says nothing about this one.
        assert!(ends_mid_phrase("这是好事，村民拉着带泥土的"));
        assert!(ends_mid_phrase("代表们表示将"));
    }

    #[test]
    fn a_part_may_stop_on_a_preposition() {
        assert!(ends_on_preposition("文化体育等,截至"));
        assert!(ends_on_preposition("会议审议通过"));
        assert!(!ends_on_preposition("截至目前"));
        assert!(!ends_on_preposition("取得了显著成效。"));
    }

    #[test]
    fn sentence_ends_at_full_stop_and_closing_quote() {
        assert!(ends_sentence("好评。"));
        assert!(ends_sentence("他说：“好。”"));
        assert!(!ends_sentence("菜农拉着带"));
        assert!(!ends_sentence("变打“感情牌”为"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn title_like_lines_are_short_and_unpunctuated() {
        assert!(is_title_like("平城区全力打造现代服务业高质量发展新引擎"));
        assert!(is_title_like("依托“六新”“六最” 致力“六稳”“六保”"));
        assert!(is_title_like("第七次全国人口普查 宣传标语口号(一)"));
        assert!(is_title_like("——记优秀共产党员张三，李四"));
        assert!(!is_title_like("会各界一致好评。"));
        assert!(!is_title_like("当然,在全区发展稳中向好"));
        assert!(!is_title_like(&"很长的正文".repeat(10)));
        assert!(!is_title_like("“谢谢你们。”"));
    }

    #[test]
    fn enumerations_open_paragraphs() {
        assert!(starts_enumeration("一、加强领导"));
        assert!(starts_enumeration("（二）完善机制"));
        assert!(starts_enumeration("3.落实责任"));
        assert!(!starts_enumeration("的局面中"));
    }

    #[test]
    fn word_chars_ignore_quotes_and_spaces() {
        assert_eq!(word_chars("依托“六新” 致力"), 6);
    }

    #[test]
    fn joined_lines_get_a_space_only_between_latin_words() {
        assert!(!needs_space("全区经济运行", "稳中向好。"));
        assert!(!needs_space("增长", "GDP"));
        assert!(!needs_space("“好”", "him"));
        assert!(needs_space("Hello", "world"));
        assert!(!needs_space("2024", "年"));
        assert!(!needs_space("", "甲"));
    }
}
