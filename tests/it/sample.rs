//! The bundled sample page, parsed end to end.

use kanbao::document;

#[test]
fn sample_parses_into_articles() {
    let doc = document::parse("sample", kanbao::input::SAMPLE);
    assert!(
        doc.articles.len() >= 8,
        "got {} articles",
        doc.articles.len()
    );
}
