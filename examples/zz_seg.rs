fn main() {
    use kanbao::analysis::{keywords::*, segmenter::*};
    let s = Segmenter::load(&SegmenterOptions::default()).unwrap();
    let doc = kanbao::document::parse("s", kanbao::input::SAMPLE);
    for m in [Method::TfIdf, Method::TextRank] {
    let t = std::time::Instant::now();
    for a in 0..doc.articles.len() {
        let k = extract(&s, &doc, a, &KeywordOptions { top: 8, method: m });
        let w: Vec<String> = k.iter().map(|k| format!("{}:{:.2}", k.word, k.weight)).collect();
        println!("{a} {} | {}", doc.article_label(a), w.join(" "));
    }
    eprintln!("{:?} {:?}", m, t.elapsed());
    }
}
