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
