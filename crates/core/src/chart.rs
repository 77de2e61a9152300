//! Charts as data (specs), drawn over any plotters `DrawingBackend`.
//!
//! data → transform (the page builds a [`BarChart`] from the model) → marks ([`draw`]) → render
//! ([`to_svg`], or any other backend). The same spec also yields the chart's text alternative
//! ([`BarChart::rows`]), so what is drawn and what is read out can never disagree.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A colour as RGB bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const GREEN: Rgb = Rgb(0x1a, 0x7f, 0x37);
pub const AMBER: Rgb = Rgb(0xb3, 0x59, 0x00);
pub const GREY: Rgb = Rgb(0x6e, 0x77, 0x81);
pub const RED: Rgb = Rgb(0xc8, 0x10, 0x2e);
const INK: RGBColor = RGBColor(0x1f, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x57, 0x60, 0x6a);
const TRACK: RGBColor = RGBColor(0xee, 0xf0, 0xf2);

/// Fonts with a CJK fallback stack, so an exported SVG reads the same on any system.
pub const FONT_STACK: &str = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    /// How the value is written next to the bar and in the text alternative.
    pub value_label: String,
    pub color: Rgb,
}

/// A horizontal bar chart, complete with what a reader needs to cite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarChart {
    pub title: String,
    /// What is counted and over which period.
    pub subtitle: String,
    /// Organisation, dataset, last-updated date.
    pub source: String,
    /// Whether any of the data is generated sample data.
    pub sample: bool,
    pub bars: Vec<Bar>,
}

pub const WIDTH: u32 = 640;
const LABEL_W: i32 = 150;
const VALUE_W: i32 = 130;
const ROW_H: i32 = 40;
const TOP: i32 = 78;
const FOOT: i32 = 56;

impl BarChart {
    pub fn height(&self) -> u32 {
        (TOP + ROW_H * self.bars.len().max(1) as i32 + FOOT) as u32
    }

    /// The text alternative: one (label, value) row per bar.
    pub fn rows(&self) -> Vec<(String, String)> {
        self.bars.iter().map(|b| (b.label.clone(), b.value_label.clone())).collect()
    }

    /// One sentence describing the chart, for `alt` / `aria-label`.
    pub fn description(&self) -> String {
        let parts: Vec<String> = self.bars.iter().map(|b| format!("{} {}", b.label, b.value_label)).collect();
        format!("{}：{}。{}", self.title, parts.join("，"), self.subtitle)
    }

    pub fn source_line(&self) -> String {
        if self.sample {
            format!("{}　（含示例数据，非真实记录）", self.source)
        } else {
            self.source.clone()
        }
    }
}

fn font(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONT_STACK), size, FontStyle::Normal)
}

/// Draws `chart` onto `area` (which should be [`WIDTH`] × [`BarChart::height`]).
pub fn draw<DB: DrawingBackend>(chart: &BarChart, area: &DrawingArea<DB, Shift>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let w = WIDTH as i32;
    let left = |c: RGBColor, size: f64| font(size).color(&c).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(chart.title.clone(), (16, 22), font(20.0).style(FontStyle::Bold).color(&INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
    area.draw(&Text::new(chart.subtitle.clone(), (16, 50), left(MUTED, 13.0)))?;

    let max = chart.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let track_w = w - 16 - LABEL_W - VALUE_W;
    for (i, b) in chart.bars.iter().enumerate() {
        let y = TOP + ROW_H * i as i32;
        let mid = y + ROW_H / 2;
        area.draw(&Text::new(b.label.clone(), (16, mid), left(INK, 14.0)))?;
        let x0 = 16 + LABEL_W;
        area.draw(&Rectangle::new([(x0, y + 8), (x0 + track_w, y + ROW_H - 8)], TRACK.filled()))?;
        let bw = ((b.value.max(0) as i128 * track_w as i128) / max as i128) as i32;
        if bw > 0 {
            let c = RGBColor(b.color.0, b.color.1, b.color.2);
            area.draw(&Rectangle::new([(x0, y + 8), (x0 + bw, y + ROW_H - 8)], c.filled()))?;
        }
        area.draw(&Text::new(b.value_label.clone(), (x0 + track_w + 10, mid), left(INK, 14.0)))?;
    }
    let foot = TOP + ROW_H * chart.bars.len().max(1) as i32;
    area.draw(&Text::new(chart.source_line(), (16, foot + 22), left(MUTED, 12.0)))?;
    if chart.sample {
        area.draw(&Text::new("示例数据 SAMPLE DATA".to_string(), (w - 16, 22), font(13.0).style(FontStyle::Bold).color(&RGBColor(RED.0, RED.1, RED.2)).pos(Pos::new(HPos::Right, VPos::Center))))?;
    }
    Ok(())
}

/// Renders `chart` as a standalone SVG document.
pub fn to_svg(chart: &BarChart) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, chart.height())).into_drawing_area();
        // Drawing into a String cannot fail for I/O reasons; a failure here is a bug in `draw`.
        draw(chart, &root).expect("drawing a bar chart into a string");
        root.present().expect("finishing the SVG");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(label: &str) -> BarChart {
        BarChart {
            title: "整改进度".into(),
            subtitle: "21 个问题按整改状态计数".into(),
            source: "来源：测试".into(),
            sample: false,
            bars: vec![
                Bar { label: label.into(), value: 21, value_label: "21 个".into(), color: GREEN },
                Bar { label: "正在推进整改".into(), value: 0, value_label: "0 个".into(), color: AMBER },
            ],
        }
    }

    #[test]
    fn svg_snapshot_is_deterministic_and_complete() {
        let a = to_svg(&chart("已完成整改"));
        assert_eq!(a, to_svg(&chart("已完成整改")));
        assert!(a.starts_with("<svg"), "{}", &a[..80]);
        assert!(a.contains("整改进度") && a.contains("来源：测试") && a.contains("21 个"));
        assert!(a.contains("Noto Sans CJK SC"));
        assert!(!a.contains("示例数据"), "real data must not be labelled sample");
        let mut s = chart("x");
        s.sample = true;
        assert!(to_svg(&s).contains("示例数据"));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let svg = to_svg(&chart("</text><script>alert(1)</script>&"));
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;") || svg.contains("&#60;script"), "{svg}");
    }

    #[test]
    fn text_alternative_matches_bars() {
        let c = chart("已完成整改");
        assert_eq!(c.rows(), vec![("已完成整改".to_string(), "21 个".to_string()), ("正在推进整改".to_string(), "0 个".to_string())]);
        assert!(c.description().starts_with("整改进度：已完成整改 21 个"));
    }
}
