//! QR codes as SVG path data, drawn by the `<QrCode>` component: order
//! pickup codes and the kiosk's "send to my phone" link.

/// The QR code of `text` as SVG path data (one square per dark module) inside
/// a 4-module quiet zone, and the side of the square in modules.
pub fn svg_path(text: &str) -> (String, u32) {
    use qrcodegen::{QrCode, QrCodeEcc};
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return (String::new(), 0);
    };
    let mut d = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    (d, qr.size() as u32 + 8)
}
