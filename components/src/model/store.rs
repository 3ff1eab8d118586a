//! Stores as shoppers see them: where they are, how far, when they are open,
//! and what they hold. Times are already computed in each store's own time
//! zone by the server (see `hours`), so the browser needs no time-zone data.

use serde::{Deserialize, Serialize};

/// A store named in a cart, an order or a badge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreRef {
    pub slug: String,
    pub name: String,
    pub city: String,
}

/// Whether a store is open at the moment the page was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenStatus {
    /// Open now; `closes` is the local "HH:MM", `minutes_left` until then.
    Open { closes: String, minutes_left: u32 },
    /// Closed now; the next opening within a week, if any.
    Closed { next: Option<LocalMoment> },
}

/// A moment in a store's local time, relative to "today" there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMoment {
    /// 0 = today, 1 = tomorrow, …
    pub days_ahead: u32,
    /// 0 = Monday.
    pub weekday: u8,
    /// "HH:MM".
    pub time: String,
}

/// Opening hours of one day: local "HH:MM" times, `None` when closed.
pub type DayHours = Option<(String, String)>;

/// A store in a list or on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreCard {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub street: String,
    pub postcode: String,
    pub phone: String,
    pub lat: f64,
    pub lng: f64,
    /// "pickup", "kiosk", …
    pub services: Vec<String>,
    /// From the point searched from, in metres.
    pub distance_m: Option<u32>,
    /// Today's hours in the store's time zone.
    pub today: DayHours,
    /// Why today differs from the usual week (a holiday), if it does.
    pub today_note: Option<String>,
    pub status: OpenStatus,
}

impl StoreCard {
    pub fn store_ref(&self) -> StoreRef {
        StoreRef {
            slug: self.slug.clone(),
            name: self.name.clone(),
            city: self.city.clone(),
        }
    }
}

/// One day of the weekly table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekDay {
    /// 0 = Monday.
    pub weekday: u8,
    pub hours: DayHours,
    pub today: bool,
}

/// A date whose hours differ from the week (holidays), upcoming only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursException {
    /// ISO date, "2026-12-24".
    pub date: String,
    pub hours: DayHours,
    pub note: String,
}

/// Everything the store page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreDetail {
    pub card: StoreCard,
    pub week: Vec<WeekDay>,
    pub exceptions: Vec<HoursException>,
    /// IANA name, e.g. "Europe/Warsaw".
    pub timezone: String,
}

/// Units of a variant at a store, for "Available at …" lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockAt {
    pub store: StoreRef,
    pub units: u32,
    /// From "my store" (or the point searched from), in metres.
    pub distance_m: Option<u32>,
}

/// Most stores one locator answer returns.
pub const MAX_STORE_RESULTS: usize = 50;
/// Results when the caller names no limit.
pub const DEFAULT_STORE_RESULTS: usize = 10;

/// Mean Earth radius, metres (IUGG).
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance between two points in degrees, in metres.
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// Reads "lat,lng" in degrees; the message says what is wrong.
pub fn parse_near(s: &str) -> Result<(f64, f64), super::Problem> {
    use super::Problem;
    let (lat, lng) = s.split_once(',').ok_or(Problem::BadNear)?;
    let number = |v: &str| {
        v.trim().parse::<f64>().map_err(|_| Problem::NotANumber {
            value: v.trim().into(),
        })
    };
    let (lat, lng) = (number(lat)?, number(lng)?);
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return Err(Problem::LatitudeOutOfRange);
    }
    if !lng.is_finite() || !(-180.0..=180.0).contains(&lng) {
        return Err(Problem::LongitudeOutOfRange);
    }
    Ok((lat, lng))
}

/// Reads a result limit: 1..=[`MAX_STORE_RESULTS`], default when absent.
pub fn parse_limit(s: Option<&str>) -> Result<usize, super::Problem> {
    match s.map(str::trim) {
        None | Some("") => Ok(DEFAULT_STORE_RESULTS),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=MAX_STORE_RESULTS).contains(&n) => Ok(n),
            _ => Err(super::Problem::LimitOutOfRange {
                max: MAX_STORE_RESULTS as u32,
            }),
        },
    }
}

/// "2.1 km", "850 m": how far, rounded for people.
pub fn format_distance(m: u32) -> String {
    if m < 1000 {
        format!("{} m", (m + 5) / 10 * 10)
    } else if m < 100_000 {
        let tenths = (m + 50) / 100;
        format!("{}.{} km", tenths / 10, tenths % 10)
    } else {
        format!("{} km", (m + 500) / 1000)
    }
}

/// Lower-case with Polish diacritics folded, so "krakow" finds "Kraków".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WARSZAWA: (f64, f64) = (52.2297, 21.0122);
    const KRAKOW: (f64, f64) = (50.0647, 19.9450);
    const GDANSK: (f64, f64) = (54.3520, 18.6466);

    #[test]
    fn known_city_distances() {
        let wk = distance_m(WARSZAWA, KRAKOW) / 1000.0;
        assert!((248.0..=256.0).contains(&wk), "Warszawa–Kraków {wk} km");
        let wg = distance_m(WARSZAWA, GDANSK) / 1000.0;
        assert!((280.0..=288.0).contains(&wg), "Warszawa–Gdańsk {wg} km");
        assert_eq!(distance_m(KRAKOW, KRAKOW), 0.0);
        // Symmetric, and antipodes are half the circumference.
        assert_eq!(distance_m(WARSZAWA, KRAKOW), distance_m(KRAKOW, WARSZAWA));
        let half = distance_m((0.0, 0.0), (0.0, 180.0)) / 1000.0;
        assert!((half - 20_015.1).abs() < 1.0, "{half}");
    }

    #[test]
    fn near_and_limit_are_checked() {
        assert_eq!(parse_near("50.06,19.94"), Ok((50.06, 19.94)));
        assert_eq!(parse_near(" -33.9 , 151.2 "), Ok((-33.9, 151.2)));
        use crate::model::Problem;
        assert_eq!(parse_near("91,0"), Err(Problem::LatitudeOutOfRange));
        assert_eq!(parse_near("0,181"), Err(Problem::LongitudeOutOfRange));
        assert_eq!(
            parse_near("abc,1"),
            Err(Problem::NotANumber {
                value: "abc".into()
            })
        );
        assert!(parse_near("NaN,1").is_err());
        assert!(parse_near("50.06").is_err());
        assert_eq!(parse_limit(None), Ok(DEFAULT_STORE_RESULTS));
        assert_eq!(parse_limit(Some("5")), Ok(5));
        assert!(parse_limit(Some("0")).is_err());
        assert!(parse_limit(Some("51")).is_err());
        assert!(parse_limit(Some("-1")).is_err());
    }

    #[test]
    fn distances_read_well() {
        assert_eq!(format_distance(0), "0 m");
        assert_eq!(format_distance(846), "850 m");
        assert_eq!(format_distance(2_149), "2.1 km");
        assert_eq!(format_distance(252_400), "252 km");
    }

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Kraków Łódź Żory"), "krakow lodz zory");
    }
}
