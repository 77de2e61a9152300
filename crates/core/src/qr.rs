//! A view's permalink as a QR code, drawn as SVG: to show on screen, save, or print with a
//! table or the report, so that a printed page leads back to the view it came from.

use crate::table::html::escape_text;
use qrcode::{EcLevel, QrCode};

/// The QR code of `text` (error correction M, a quiet zone of four modules), as a standalone
/// SVG document of black modules on white, one path, `size` CSS px wide and tall, titled
/// `title`. An error when the text is too long for any QR code.
pub fn svg(text: &str, title: &str, size: u32) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|e| format!("QR: {e}"))?;
    let n = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let side = n + 2 * quiet;
    let mut path = String::with_capacity(n * n);
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if colors[y * n + x] == qrcode::Color::Dark {
                let start = x;
                while x < n && colors[y * n + x] == qrcode::Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{} {}h{}v1h-{}z", start + quiet, y + quiet, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    let mut t = String::new();
    escape_text(title, &mut t);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" width=\"{size}\" height=\"{size}\" shape-rendering=\"crispEdges\" role=\"img\"><title>{t}</title><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// How many modules wide the QR code of `text` is (without the quiet zone).
pub fn modules(text: &str) -> Result<usize, String> {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map(|c| c.width()).map_err(|e| format!("QR: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SVG's dark modules, read back from its path: the finder patterns are where QR codes
    /// have them, and the count of dark modules matches the encoder's.
    #[test]
    fn the_svg_draws_exactly_the_codes_modules() {
        let url = "https://example.org/gongshi/?page=donations&q=%E5%BC%A0&year=2020";
        let s = svg(url, "本页二维码 <&>", 160).unwrap();
        assert!(s.contains("<title>本页二维码 &lt;&amp;&gt;</title>"), "{s}");
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
        let n = code.width();
        let mut dark = vec![false; (n + 8) * (n + 8)];
        let d = s.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        for run in d.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let w: usize = rest.split('v').next().unwrap().parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for k in 0..w {
                dark[y * (n + 8) + x + k] = true;
            }
        }
        let colors = code.to_colors();
        for y in 0..n {
            for x in 0..n {
                assert_eq!(dark[(y + 4) * (n + 8) + x + 4], colors[y * n + x] == qrcode::Color::Dark, "module ({x}, {y})");
            }
        }
        // The quiet zone is empty; the top-left finder's corner is dark.
        assert!(dark[..4 * (n + 8)].iter().all(|d| !d));
        assert!(dark[4 * (n + 8) + 4]);
    }

    #[test]
    fn too_long_a_text_is_an_error_not_a_panic() {
        assert!(svg(&"x".repeat(3000), "t", 100).is_err());
        assert!(modules("https://example.org/").unwrap() >= 21);
    }
}
