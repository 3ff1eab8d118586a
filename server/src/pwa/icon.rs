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

/// A minimal PNG writer: 8-bit RGBA, no filtering, zlib-compressed.
fn encode(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut raw = Vec::with_capacity(rgba.len() + height as usize);
    for row in rgba.chunks((width * 4) as usize) {
        raw.push(0); // filter type: none
        raw.extend_from_slice(row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).expect("writing to memory");
    let idat = z.finish().expect("writing to memory");

    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8 bits, RGBA, deflate, no filter, no interlace

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (b"IHDR", &ihdr[..]),
        (b"IDAT", &idat[..]),
        (b"IEND", &[][..]),
    ] {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32fast::hash(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes our own output with an independent inflater and checks the
    /// pixels where the drawing says they are.
    #[test]
    fn icons_are_valid_png_with_the_drawing_in_place() {
        for (size, maskable) in [(192, false), (512, false), (512, true)] {
            let png = png(size, maskable);
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            assert_eq!(&png[12..16], b"IHDR");
            assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), size);
            let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
            assert_eq!(&png[37..41], b"IDAT");
            let crc = u32::from_be_bytes(png[41 + idat_len..45 + idat_len].try_into().unwrap());
            assert_eq!(
                crc,
                crc32fast::hash(&png[37..41 + idat_len]),
                "IDAT checksum"
            );
            let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&png[41..41 + idat_len])
                .expect("zlib data");
            let stride = size as usize * 4 + 1;
            assert_eq!(raw.len(), stride * size as usize);
            let pixel = |x: usize, y: usize| {
                let i = y * stride + 1 + x * 4;
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
