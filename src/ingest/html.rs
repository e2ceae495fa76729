//! Web pages to article text. The article body comes from rs-trafilatura (a Rust port of
//! trafilatura, the best extractor measured on `../shared/html-bench`: F1 0.962 on its
//! 181 pages for the body, with a merge of content blocks undone on news pages, against
//! 0.788 for the hand-written stripper it replaces; see the README); table cells are kept
//! apart first, and a page too small for its scoring (under 250 characters of body) is
//! read whole, markup stripped, as before. The page's
//! own statements about itself (title, date, canonical URL, language) come with it.

/// Elements whose text is never article text, for the small-page reading.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "svg", "template", "iframe", "button",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "main",
];
/// Bodies shorter than this (characters) are read whole: the extractor's scores need a
/// page of some length, and a small page has little furniture.
const SMALL_BODY: usize = 250;

/// What a web page says: its title, its article body (lines), and what it states about
/// itself. All text as in the page (entities decoded), not yet normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WebPage {
    /// The first `<h1>`, else the page's title (og:title, `<title>`).
    pub title: String,
    pub body: String,
    /// `article:published_time`, JSON-LD `datePublished` or the like, as an ISO 8601 date
    /// (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The canonical URL (`<link rel="canonical">`, og:url).
    pub url: Option<String>,
    /// `<html lang>` or a language meta tag, as written.
    pub lang: Option<String>,
}

/// Table cells apart (a tab) and rows, headings and paragraphs on lines of their own:
/// the extractors join text nodes as they stand ("Telenor2 900 000").
fn separate_cells(html: &str) -> String {
    static CELLS: std::sync::OnceLock<(regex::Regex, regex::Regex)> = std::sync::OnceLock::new();
    let (cells, blocks) = CELLS.get_or_init(|| {
        (
            regex::Regex::new(r"(?i)</t[dh]>").expect("cell pattern"),
            regex::Regex::new(r"(?i)</(?:tr|h[1-6]|p|li|table)>").expect("block pattern"),
        )
    });
    let html = cells.replace_all(html, "$0\t");
    blocks.replace_all(&html, "$0\n").into_owned()
}

/// The article of a web page (see the module's documentation).
pub fn read_page(html: &str) -> WebPage {
    let html = separate_cells(html);
    let doc = scraper::Html::parse_document(&html);
    let first = |css: &str| {
        scraper::Selector::parse(css)
            .ok()
            .and_then(|sel| {
                doc.select(&sel)
                    .next()
                    .map(|e| e.text().collect::<String>())
            })
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    let extracted = article_body(&html);
    let meta = extracted.as_ref().map(|r| &r.metadata);
    let title = first("h1")
        .or_else(|| meta.and_then(|m| m.title.clone()))
        .or_else(|| first("title"))
        .unwrap_or_default();
    let body = match extracted.as_ref().map(|r| r.content_text.trim()) {
        Some(text) if text.chars().count() >= SMALL_BODY => text.to_string(),
        _ => {
            let mut all = String::new();
            collect_text(doc.tree.root(), &mut all);
            all
        }
    };
    let mut lines: Vec<String> = body
        .lines()
        .map(|l| {
            l.split('\t')
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .map(|cells| {
            cells
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .filter(|l| !l.is_empty())
        .collect();
    // The h1 often opens the body too: it is the title line, not read twice.
    if lines.first() == Some(&title) {
        lines.remove(0);
    }
    WebPage {
        title,
        body: lines.join("\n"),
        date: meta
            .and_then(|m| m.date)
            .map(|d| d.format("%Y-%m-%d").to_string()),
        url: meta.and_then(|m| m.url.clone()).filter(|u| !u.is_empty()),
        lang: scraper::Selector::parse("html")
            .ok()
            .and_then(|sel| doc.select(&sel).next())
            .and_then(|e| e.value().attr("lang").map(str::to_string))
            .filter(|l| !l.trim().is_empty())
            .or_else(|| meta.and_then(|m| m.language.clone())),
    }
}

/// What rs-trafilatura reads as the page's main content. Its article profile merges
/// several content blocks when the best one is short (meant for listicles and service
/// pages); on a news page that brings in the teasers of other articles (html-bench: the
/// pages it merges lose half their precision). Such a page is read again from its best
/// block alone: the profile without the merge (rs-trafilatura's `Category`, which differs
/// from its `Article` only in that and a lower paragraph density), keeping the first
/// reading's metadata. html-bench, body alone: F1 0.957 -> 0.962.
fn article_body(html: &str) -> Option<rs_trafilatura::ExtractResult> {
    let options = rs_trafilatura::Options::default();
    let mut first = rs_trafilatura::extract_with_options(html, &options).ok()?;
    if first.warnings.iter().any(|w| w.starts_with(MERGE_WARNING)) {
        let single = rs_trafilatura::Options {
            page_type: Some(rs_trafilatura::page_type::PageType::Category),
            ..options
        };
        if let Ok(again) = rs_trafilatura::extract_with_options(html, &single) {
            first.content_text = again.content_text;
            first.content_html = again.content_html;
        }
    }
    Some(first)
}

/// How rs-trafilatura 0.2 reports that it merged several content blocks (tested in
/// `a_news_page_is_read_from_its_best_block`).
const MERGE_WARNING: &str = "Used multi-candidate merge";

/// The title and the article body of a web page (see [`read_page`]).
pub fn html_to_text(html: &str) -> (String, String) {
    let page = read_page(html);
    (page.title, page.body)
}

/// Visible text of a small page, scripts, styles and navigation left out; block elements
/// end lines.
fn collect_text(node: ego_tree::NodeRef<scraper::Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) || name == "head" {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                collect_text(child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => collect_text(child, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_every_layout_give_their_article() {
        // Content in a form (ASP.NET), a lead paragraph in the article's header, a table.
        let form = read_page("<html><head><title>Nkom</title></head><body><form id='aspnetForm'><h1>Nkom gir Telenor gebyr</h1><p>Nkom har ilagt Telenor et overtredelsesgebyr på fire millioner kroner.</p></form></body></html>");
        assert_eq!(form.title, "Nkom gir Telenor gebyr");
        assert!(form.body.contains("overtredelsesgebyr"), "{form:?}");
        let header = read_page("<html><body><header><nav>Hjem Nyheter</nav></header><article><header><h1>Telia kjøper Get</h1><p class='lead'>Telia Company kjøper Get for 21 milliarder kroner.</p></header><p>Avtalen må godkjennes.</p></article></body></html>");
        assert!(header.body.contains("21 milliarder"), "{header:?}");
        assert!(!header.body.contains("Hjem Nyheter"), "{header:?}");
        let table = read_page("<html><body><h1>Kunder</h1><table><tr><td>Telenor</td><td>2&nbsp;900&nbsp;000</td></tr><tr><th>Telia</th><th>1 800 000</th></tr></table></body></html>");
        assert_eq!(
            table.body, "Telenor\t2 900 000\nTelia\t1 800 000",
            "{table:?}"
        );
    }

    #[test]
    fn a_news_page_is_read_from_its_best_block() {
        // A short article beside teasers of other stories: rs-trafilatura merges them in
        // (the warning this module looks for), the article is read alone.
        let article =
            "Telenor har kjøpt Phonero for 600 millioner kroner, opplyser selskapet i en børsmelding. ".repeat(5);
        let teasers: String = (0..6)
            .map(|i| {
                format!(
                    "<div class='related-{i}'><h3>Annen sak {i}</h3><p>{}</p></div>",
                    format!("En annen nyhet om strømpriser og været i helgen, nummer {i}. ")
                        .repeat(4)
                )
            })
            .collect();
        let html = format!(
            "<html><head><title>Telenor kjøper Phonero</title></head><body><div class='page'>\
             <article><h1>Telenor kjøper Phonero</h1><p>{article}</p></article>\
             <div class='more'>{teasers}</div></div></body></html>"
        );
        let merged = rs_trafilatura::extract(&html).expect("extracts");
        assert!(
            merged.warnings.iter().any(|w| w.starts_with(MERGE_WARNING)),
            "{:?}",
            merged.warnings
        );
        let page = read_page(&html);
        assert!(page.body.contains("600 millioner kroner"), "{page:?}");
        assert!(!page.body.contains("strømpriser"), "{page:?}");
    }

    #[test]
    fn a_page_states_its_date_url_and_language() {
        let filler = "Telenor har kjøpt Phonero. ".repeat(20);
        let page = read_page(&format!(
            "<html lang='nb-NO'><head><title>Telenor kjøper | Nettavisen</title>\
             <meta property='article:published_time' content='2023-04-05T10:00:00+02:00'>\
             <link rel='canonical' href='https://example.no/telenor-kjoper'></head>\
             <body><article><h1>Telenor kjøper Phonero</h1><p>{filler}</p></article></body></html>"
        ));
        assert_eq!(page.title, "Telenor kjøper Phonero");
        assert_eq!(page.date.as_deref(), Some("2023-04-05"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://example.no/telenor-kjoper")
        );
        assert_eq!(page.lang.as_deref(), Some("nb-NO"));
    }
}
