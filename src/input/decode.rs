//! From bytes to text: which encoding a page is in, and whether it is a page at all.
//!
//! OCR pipelines write UTF-8 today, but archives hold GBK/GB18030 and Big5 files from
//! older tools, and Windows tools add BOMs or write UTF-16. The order of the checks:
//!
//! 1. an explicit `--encoding` wins (its own BOM is skipped; binary files are still
//!    refused, NUL bytes only unless the encoding is UTF-16);
//! 2. a BOM decides (UTF-8, UTF-16LE, UTF-16BE);
//! 3. known binary signatures (PNG, JPEG, GIF, PDF, zip…) and NUL bytes mean "not a
//!    page": refused rather than shown as a screen of garbage;
//! 4. valid UTF-8 is UTF-8, always, so short or mostly-ASCII pages are never misread;
//!    UTF-8 with a few broken bytes (a truncated download) stays UTF-8 too;
//! 5. otherwise chardetng guesses among the legacy encodings; a guess that is not a
//!    Chinese encoding, or does not decode cleanly, is checked against GB18030 and
//!    Big5, the two a Chinese page is most likely in (chardetng needs more text than a
//!    short page has).
//!
//! Undecodable bytes become U+FFFD and the document gets a warning.

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from one source, not yet sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Display name of the encoding, e.g. `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `Big5`.
    pub encoding: String,
    /// Problems worth telling the reader about (replacement characters, guesses).
    pub warnings: Vec<String>,
}

/// Why some bytes are not a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not a text page (looks like {0})")]
    Binary(&'static str),
    #[error(
        "not a text page (contains NUL bytes; if it is UTF-16 without a BOM, try --encoding utf-16le)"
    )]
    NulBytes,
}

/// Looks up an encoding by any WHATWG label (`gbk`, `gb18030`, `big5`, `utf-16le`…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes a page. `forced` is the `--encoding` choice, if any.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        let body = strip_bom_of(bytes, encoding);
        if encoding != UTF_16LE && encoding != UTF_16BE {
            refuse_binary(body)?;
        }
        return Ok(decode_with(body, encoding, display_name(encoding)));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let name = if encoding == UTF_8 {
            String::from("UTF-8 (BOM)")
        } else {
            display_name(encoding)
        };
        return Ok(decode_with(body, encoding, name));
    }
    refuse_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: String::from("UTF-8"),
            warnings: Vec::new(),
        });
    }
    if mostly_utf8(bytes) {
        return Ok(decode_with(bytes, UTF_8, String::from("UTF-8")));
    }
    Ok(decode_legacy(bytes))
}

/// Like [`decode`], but takes the bytes by value so that valid UTF-8 (the common case,
/// and the one that matters for a 100 MB archive) becomes the text without a copy.
pub fn decode_owned(
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if forced.is_some() || Encoding::for_bom(&bytes).is_some() {
        return decode(&bytes, forced);
    }
    refuse_binary(&bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: String::from("UTF-8"),
            warnings: Vec::new(),
        }),
        Err(err) => decode(err.as_bytes(), None),
    }
}

/// How a text read a part at a time (a huge file, standard input) is decoded, chosen
/// from its head as [`decode`] chooses from the whole: the encoding, its display name,
/// how many bytes of byte-order mark to skip, and the warnings of the choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub encoding: &'static Encoding,
    pub name: String,
    /// Bytes of byte-order mark at the start, not part of the text.
    pub bom: usize,
    pub warnings: Vec<String>,
}

/// Chooses the decoding of a text from its `head` (the first bytes of a longer input),
/// in [`decode`]'s order. The head may end inside a character: UTF-8 cut there is
/// still UTF-8, and the legacy guess reads complete lines only.
///
/// # Errors
/// As [`decode`], on the head: a binary signature, or NUL bytes (unless UTF-16 is
/// forced).
///
/// # Limitations
/// Only the head is checked: NUL bytes or broken sequences further on are decoded as
/// they come (a NUL as a control character, shown as a placeholder; a broken sequence
/// as U+FFFD, with a warning on its part), not a reason to refuse or re-guess.
pub fn sniff(head: &[u8], forced: Option<&'static Encoding>) -> Result<Sniffed, DecodeError> {
    let sniffed = |encoding, name, bom| Sniffed {
        encoding,
        name,
        bom,
        warnings: Vec::new(),
    };
    if let Some(encoding) = forced {
        let bom = head.len() - strip_bom_of(head, encoding).len();
        if encoding != UTF_16LE && encoding != UTF_16BE {
            refuse_binary(&head[bom..])?;
        }
        return Ok(sniffed(encoding, display_name(encoding), bom));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(head) {
        let name = if encoding == UTF_8 {
            String::from("UTF-8 (BOM)")
        } else {
            display_name(encoding)
        };
        return Ok(sniffed(encoding, name, bom));
    }
    refuse_binary(head)?;
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        // Cut inside its last character only.
        Err(err) => err.error_len().is_none(),
    };
    if utf8 || mostly_utf8(head) {
        return Ok(sniffed(UTF_8, String::from("UTF-8"), 0));
    }
    // A newline byte is never inside a GB18030 or Big5 character.
    let lines = memchr::memrchr(b'\n', head).map_or(head, |end| &head[..=end]);
    let (encoding, warnings) = guess_legacy(lines);
    Ok(Sniffed {
        warnings,
        ..sniffed(encoding, display_name(encoding), 0)
    })
}

/// The warning for `count` undecodable sequences shown as U+FFFD, decoded as `name`.
pub fn undecodable_warning(count: usize, name: &str) -> String {
    format!("{count} undecodable byte sequence(s) shown as \u{fffd} (decoded as {name})")
}

/// Refuses known binary formats and anything with NUL bytes (no text encoding we
/// read without a BOM produces them).
fn refuse_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(DecodeError::NulBytes);
    }
    Ok(())
}

/// Decodes with chardetng's guess, unless the guess is not a Chinese encoding and
/// GB18030 or Big5 decodes the bytes cleanly into Chinese text: chardetng needs more
/// text than a short page gives it (`第3版` alone looks like Cyrillic to it), and a
/// page given to a Chinese newspaper reader is most likely Chinese.
fn decode_legacy(bytes: &[u8]) -> Decoded {
    let (encoding, mut warnings) = guess_legacy(bytes);
    let mut decoded = decode_with(bytes, encoding, display_name(encoding));
    decoded.warnings.append(&mut warnings);
    decoded
}

/// [`decode_legacy`]'s choice of encoding, and its warning when the guess is not a
/// Chinese encoding.
fn guess_legacy(bytes: &[u8]) -> (&'static Encoding, Vec<String>) {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let guess = if guess == GBK { GB18030 } else { guess };
    let chinese = guess == GB18030 || guess == BIG5;
    let mut best = (guess, count_errors(bytes, guess), han_ratio(bytes, guess));
    if !(chinese && best.1 == 0) {
        for encoding in [GB18030, BIG5] {
            let candidate = (
                encoding,
                count_errors(bytes, encoding),
                han_ratio(bytes, encoding),
            );
            let cleaner = candidate.1 < best.1;
            let more_chinese = candidate.1 == best.1 && candidate.2 > best.2 + 0.1;
            if cleaner || more_chinese {
                best = candidate;
            }
        }
    }
    let encoding = best.0;
    let mut warnings = Vec::new();
    if encoding != GB18030 && encoding != BIG5 {
        warnings.push(format!(
            "encoding guessed as {}; use --encoding NAME if the text looks wrong",
            encoding.name()
        ));
    }
    (encoding, warnings)
}

/// The share of non-ASCII characters that are Chinese characters or punctuation.
fn han_ratio(bytes: &[u8], encoding: &'static Encoding) -> f64 {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let mut non_ascii = 0usize;
    let mut han = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if matches!(c, '\u{2010}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
        {
            han += 1;
        }
    }
    if non_ascii == 0 {
        0.0
    } else {
        han as f64 / non_ascii as f64
    }
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding, name: String) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        let count = text.chars().filter(|&c| c == '\u{fffd}').count();
        warnings.push(undecodable_warning(count, &name));
    }
    Decoded {
        text: text.into_owned(),
        encoding: name,
        warnings,
    }
}

fn strip_bom_of<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((bom, len)) if bom == encoding => bytes.get(len..).unwrap_or_default(),
        _ => bytes,
    }
}

fn display_name(encoding: &'static Encoding) -> String {
    // encoding_rs spells this one in lower case; the status line wants the usual name.
    if encoding == GB18030 {
        String::from("GB18030")
    } else {
        encoding.name().to_string()
    }
}

/// Undecodable sequences when decoding `bytes` as `encoding`.
fn count_errors(bytes: &[u8], encoding: &'static Encoding) -> usize {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        text.chars().filter(|&c| c == '\u{fffd}').count()
    } else {
        0
    }
}

/// UTF-8 with a few broken sequences: many valid multi-byte characters, few errors.
/// Legacy CJK bytes almost never form valid UTF-8 sequences, so this does not catch them.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut errors = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            errors += 1;
        }
    }
    valid_multibyte >= 8 && valid_multibyte >= errors * 8
}

/// Magic numbers of files people are likely to pass by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (or docx/epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office document",
    ),
];

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    // "BM" alone is too common a start of text ("BMW…"); require the BMP header shape.
    for (magic, kind) in SIGNATURES {
        if bytes.starts_with(magic) && (*magic != b"BM" || looks_like_bmp(bytes)) {
            return Some(kind);
        }
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    None
}

fn looks_like_bmp(bytes: &[u8]) -> bool {
    // Reserved bytes 6..10 are zero in every BMP; text has no NULs there.
    bytes.get(6..10) == Some(&[0, 0, 0, 0])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "## 平城区全力打造现代服务业高质量发展新引擎\n\n本报记者 纪元\n\n“省委、省政府加快打造省域副中心城市建设等一系列重大决策部署，为平城区服务业发展提供了难得机遇。”\n";
    const TRAD: &str = "## 臺北市舉辦國際書展\n\n本報訊 「閱讀讓城市更美好。」市長在開幕式上說，今年書展吸引了來自四十多個國家與地區的出版社參加，展期六天。\n";

    fn enc(e: &'static Encoding, s: &str) -> Vec<u8> {
        e.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_without_and_with_bom() {
        let d = decode(PAGE.as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (PAGE, "UTF-8"));
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(PAGE.as_bytes());
        let d = decode(&bom, None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            (PAGE, "UTF-8 (BOM)")
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in PAGE.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let d = decode(&le, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (PAGE, "UTF-16LE"));
        let d = decode(&be, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (PAGE, "UTF-16BE"));
    }

    #[test]
    fn gbk_and_big5_are_detected() {
        let d = decode(&enc(GBK, PAGE), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (PAGE, "GB18030"));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let d = decode(&enc(BIG5, TRAD), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (TRAD, "Big5"));
    }

    #[test]
    fn short_gbk_is_still_chinese() {
        for s in ["平城区", "第3版", "责任编辑：王五", "简讯"] {
            let d = decode(&enc(GBK, s), None).unwrap();
            assert_eq!(d.text, s, "{s} decoded as {}", d.encoding);
        }
    }

    #[test]
    fn ascii_and_short_utf8_stay_utf8() {
        for s in ["", "a", "# Title\n", "é", "第3版", "“", "Café crème"] {
            assert_eq!(decode(s.as_bytes(), None).unwrap().encoding, "UTF-8", "{s}");
        }
    }

    #[test]
    fn broken_utf8_stays_utf8_with_a_warning() {
        let mut bytes = PAGE.as_bytes().to_vec();
        bytes.truncate(bytes.len() - 2); // cut inside the last character
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn forced_encoding_overrides_detection() {
        let gbk = enc(GBK, PAGE);
        let forced = encoding_for_label("big5");
        let d = decode(&gbk, forced).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert!(encoding_for_label("no-such-encoding").is_none());
        let d = decode(PAGE.as_bytes(), encoding_for_label("utf-8")).unwrap();
        assert_eq!(d.text, PAGE);
    }

    #[test]
    fn owned_decoding_agrees_with_borrowed() {
        let gbk = enc(GBK, PAGE);
        for bytes in [
            PAGE.as_bytes().to_vec(),
            gbk,
            b"\xef\xbb\xbfab".to_vec(),
            b"a\0".to_vec(),
        ] {
            assert_eq!(decode_owned(bytes.clone(), None), decode(&bytes, None));
        }
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
            Err(DecodeError::Binary("a PNG image"))
        );
        assert_eq!(
            decode(b"%PDF-1.7\n", None),
            Err(DecodeError::Binary("a PDF file"))
        );
        assert_eq!(decode(b"abc\0def", None), Err(DecodeError::NulBytes));
        assert!(decode(b"BMW news", None).is_ok());
        // Forcing a text encoding does not make an image a page; forcing UTF-16 allows NULs.
        assert!(decode(b"%PDF-1.7\n", encoding_for_label("utf-8")).is_err());
        let d = decode(b"#\0 \0", encoding_for_label("utf-16le")).unwrap();
        assert_eq!(d.text, "# ");
    }
}

#[cfg(test)]
mod accuracy {
    use super::*;

    /// Every line of the sample page, alone, encoded in GBK: how many come back right.
    #[test]
    fn gbk_lines_of_the_sample() {
        let lines: Vec<&str> = crate::input::SAMPLE
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let mut wrong = Vec::new();
        for line in &lines {
            let (bytes, _, unmappable) = GBK.encode(line);
            if unmappable {
                continue;
            }
            let d = decode(&bytes, None).unwrap();
            if d.text != *line {
                wrong.push(format!("{line} → {} ({})", d.text, d.encoding));
            }
        }
        eprintln!(
            "GBK lines: {} of {} right",
            lines.len() - wrong.len(),
            lines.len()
        );
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// Traditional lines (news style, 「」 quotes) encoded in Big5, short ones included.
    #[test]
    fn big5_lines() {
        let lines = [
            "## 臺北市舉辦國際書展",
            "本報訊 「閱讀讓城市更美好。」市長在開幕式上說，今年書展吸引了來自四十多個國家與地區的出版社參加，展期六天。",
            "氣象局表示，颱風中心目前位於東部海面，預計明天清晨最接近臺灣，民眾應注意強風豪雨。",
            "「請大家不要到海邊觀浪。」",
            "本報記者 陳國華",
            "颱風過境 各地加強防範",
            "經濟部統計處發布最新數據，出口連續三個月成長。",
            "圖為民眾在書展現場選購圖書。",
            "臺灣",
            "簡訊",
        ];
        let mut wrong = Vec::new();
        for line in lines {
            let d = decode(&BIG5.encode(line).0, None).unwrap();
            if d.text != line {
                wrong.push(format!("{line} → {} ({})", d.text, d.encoding));
            }
        }
        eprintln!(
            "Big5 lines: {} of {} right",
            lines.len() - wrong.len(),
            lines.len()
        );
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
