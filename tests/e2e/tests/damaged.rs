//! A damaged document in the real app: it opens, shows what can be read
//! under a banner, takes no change, and its file stays byte for byte as it was.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, file_with, sample_document};
use tiermap_store::{DocumentFile, Integrity};

const PAGE: usize = 4096;

/// The sample with one page overwritten, chosen so that it still loads but fails the integrity check.
fn damaged_sample_bytes() -> Vec<u8> {
    let sample = sample_document();
    let bytes = std::fs::read(&sample.path).expect("read");
    for page in 1..bytes.len() / PAGE {
        let mut damaged = bytes.clone();
        damaged[page * PAGE..(page + 1) * PAGE].fill(0x5A);
        let candidate = file_with("candidate.tiermap", &damaged);
        let loads = DocumentFile::open_read_only(&candidate.path).is_ok();
        if loads && matches!(tiermap_store::check_file(&candidate.path), Ok(Integrity::Damaged(_))) {
            return damaged;
        }
    }
    panic!("no page of the sample gives damage that still loads");
}

#[tokio::test]
async fn a_damaged_document_opens_read_only_under_a_banner_offering_the_rescue() {
    let document = file_with("damaged.tiermap", &damaged_sample_bytes());
    let before = std::fs::read(&document.path).expect("read");
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let banner = app.wait_for("[data-testid=damaged-banner]").await;
    assert!(banner.text().await.expect("text").contains("damaged"));
    app.wait_for("[data-testid=rescue]").await;
    // Nothing can be added: the palette is switched off and Enter adds nothing.
    app.wait_for("[data-testid=palette-product].disabled").await;
    app.wait_for(".react-flow__node-element").await.click().await.expect("select");
    app.driver().action_chain().send_keys(Key::Enter).perform().await.expect("Enter");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(app.driver().find_all(By::Css("[data-testid=rename-input]")).await.expect("find").is_empty(), "no new element to name");
    app.quit().await;
    assert_eq!(std::fs::read(&document.path).expect("read"), before, "the damaged file is as it was");
}
