//! The app's icons, drawn here and encoded as PNG (install prompts and home
//! screens want PNG; nothing is downloaded or checked in).

/// Brand green, the same as the `theme-color` of every page.
const BRAND: [u8; 3] = [0x1f, 0x5f, 0x3a];

/// A `size`×`size` PNG: a white ring (the "o" of omnistore) and a dot on
/// brand green. `maskable` fills the whole square and keeps the drawing in
/// the central safe zone, as launchers crop such icons to their own shape;
/// otherwise the square has rounded corners on transparency.
pub fn png(size: u32, maskable: bool) -> Vec<u8> {
    let s = size as f32;
    let c = s / 2.0;
    // Signed distance (pixels, negative inside) to coverage 0..=1: edges are
    // antialiased without supersampling.
    let cover = |d: f32| (0.5 - d).clamp(0.0, 1.0);
    let scale = if maskable { 0.8 } else { 1.0 };
    let (outer, inner) = (0.30 * s * scale, 0.19 * s * scale);
    let dot = (
        c + 0.27 * s * scale,
        c + 0.27 * s * scale,
        0.075 * s * scale,
    );
    let corner = 0.18 * s;
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            let background = if maskable {
                1.0
            } else {
                // Rounded square: distance to a box shrunk by the corner radius.
                let qx = ((px - c).abs() - (c - corner)).max(0.0);
                let qy = ((py - c).abs() - (c - corner)).max(0.0);
                cover((qx * qx + qy * qy).sqrt() - corner)
            };
            let r = ((px - c).powi(2) + (py - c).powi(2)).sqrt();
            let ring = cover(r - outer).min(cover(inner - r));
            let d = ((px - dot.0).powi(2) + (py - dot.1).powi(2)).sqrt();
            let white = ring.max(cover(d - dot.2));
            for channel in BRAND {
                let v = f32::from(channel) * (1.0 - white) + 255.0 * white;
                rgba.push(v.round() as u8);
            }
            rgba.push((background * 255.0).round() as u8);
        }
    }
    encode(size, size, &rgba)
}

/// 8-bit RGBA to PNG with the `png` crate, compressed as well as it goes.
fn encode(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().expect("writing to memory");
    writer.write_image_data(rgba).expect("writing to memory");
    writer.finish().expect("writing to memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes the icons and checks the pixels where the drawing says they are.
    #[test]
    fn icons_are_valid_png_with_the_drawing_in_place() {
        for (size, maskable) in [(192, false), (512, false), (512, true)] {
            let png = png(size, maskable);
            let mut reader = png::Decoder::new(std::io::Cursor::new(png))
                .read_info()
                .unwrap();
            let mut raw = vec![0; reader.output_buffer_size().unwrap()];
            let info = reader.next_frame(&mut raw).unwrap();
            assert_eq!((info.width, info.height), (size, size));
            assert_eq!(info.color_type, png::ColorType::Rgba);
            let stride = size as usize * 4;
            let pixel = |x: usize, y: usize| {
                let i = y * stride + x * 4;
                [raw[i], raw[i + 1], raw[i + 2], raw[i + 3]]
            };
            let s = size as usize;
            let c = s / 2;
            assert_eq!(pixel(c, c), [0x1f, 0x5f, 0x3a, 255], "green in the middle");
            let on_ring = c + (0.245 * s as f32 * if maskable { 0.8 } else { 1.0 }) as usize;
            assert_eq!(pixel(on_ring, c), [255, 255, 255, 255], "white ring");
            let corner_alpha = pixel(0, 0)[3];
            assert_eq!(corner_alpha, if maskable { 255 } else { 0 }, "corners");
        }
    }
}
