//! Opening hours, open-now and pickup slots, in each store's real time zone
//! (chrono-tz). Server only: the browser gets the results as text, so it
//! ships no time-zone database.
//!
//! Hours are local wall-clock minutes (0..=1440); instants are UTC. Turning
//! one into the other goes through the zone, so a day with a DST change is
//! 23 or 25 hours long and "closes in" stays true across it.

use super::store::{DayHours, LocalMoment, OpenStatus};
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// Open from..until, local minutes after midnight; `until` may be 1440 (24:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub opens: u16,
    pub closes: u16,
}

impl Span {
    /// Reads "HH:MM" pair; "24:00" is allowed as a closing time.
    pub fn parse(opens: &str, closes: &str) -> Option<Span> {
        let opens = parse_hhmm(opens)?;
        let closes = parse_hhmm(closes)?;
        (opens < closes && opens < 1440).then_some(Span { opens, closes })
    }

    pub fn text(self) -> (String, String) {
        (hhmm(self.opens), hhmm(self.closes))
    }
}

fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// "09:05" from minutes after midnight.
pub fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A store's week and its exceptions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Monday first; `None` = closed.
    pub week: [Option<Span>; 7],
    /// Dates that differ (holidays): `None` = closed that day.
    pub exceptions: BTreeMap<NaiveDate, (Option<Span>, String)>,
}

/// How far ahead pickup slots are offered, in days.
pub const SLOT_DAYS: u32 = 7;
/// Length of one pickup slot, minutes.
pub const SLOT_MINUTES: i64 = 60;

impl WeeklyHours {
    /// The hours of a local date, exceptions first.
    pub fn on(&self, date: NaiveDate) -> Option<Span> {
        match self.exceptions.get(&date) {
            Some((span, _)) => *span,
            None => self.week[date.weekday().num_days_from_monday() as usize],
        }
    }

    /// The holiday note of a date, if it is an exception.
    pub fn note(&self, date: NaiveDate) -> Option<&str> {
        self.exceptions.get(&date).map(|(_, n)| n.as_str())
    }

    pub fn day_text(&self, date: NaiveDate) -> DayHours {
        self.on(date).map(Span::text)
    }

    /// The opening of a local date as UTC instants [opens, closes).
    pub fn interval(&self, date: NaiveDate, tz: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let span = self.on(date)?;
        Some((
            local_instant(tz, date, span.opens),
            local_instant(tz, date, span.closes),
        ))
    }

    /// Open or closed at `now`, and until / from when.
    pub fn status(&self, now: DateTime<Utc>, tz: Tz) -> OpenStatus {
        let today = now.with_timezone(&tz).date_naive();
        if let Some((opens, closes)) = self.interval(today, tz) {
            if opens <= now && now < closes {
                let span = self.on(today).expect("interval implies hours");
                return OpenStatus::Open {
                    closes: hhmm(span.closes),
                    minutes_left: ((closes - now).num_seconds() as u32).div_ceil(60),
                };
            }
        }
        let next = (0..8u32).find_map(|ahead| {
            let date = today + Duration::days(ahead.into());
            let span = self.on(date)?;
            let opens = local_instant(tz, date, span.opens);
            (opens > now).then(|| moment(date, today, span.opens))
        });
        OpenStatus::Closed { next }
    }

    /// Start instants of the pickup slots from `earliest` on, for
    /// [`SLOT_DAYS`] days: whole [`SLOT_MINUTES`] inside opening hours,
    /// counted from the opening (so a slot never runs past closing).
    pub fn slots(&self, tz: Tz, earliest: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let first = earliest.with_timezone(&tz).date_naive();
        let len = Duration::minutes(SLOT_MINUTES);
        let mut out = Vec::new();
        for ahead in 0..SLOT_DAYS {
            let date = first + Duration::days(ahead.into());
            let Some((opens, closes)) = self.interval(date, tz) else {
                continue;
            };
            let mut start = opens;
            while start + len <= closes {
                if start >= earliest {
                    out.push(start);
                }
                start += len;
            }
        }
        out
    }
}

/// The UTC instant of a local date and minute. In a DST gap (a time that
/// does not exist) the first valid minute after it; when a time happens twice,
/// the first.
pub fn local_instant(tz: Tz, date: NaiveDate, minutes: u16) -> DateTime<Utc> {
    let naive =
        date.and_hms_opt(0, 0, 0).expect("midnight exists") + Duration::minutes(minutes.into());
    let mut probe = naive;
    for _ in 0..=24 * 4 {
        match tz.from_local_datetime(&probe) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(a, _) => return a.with_timezone(&Utc),
            LocalResult::None => probe += Duration::minutes(15),
        }
    }
    Utc.from_utc_datetime(&naive)
}

/// A local moment described relative to `today`.
pub fn moment(date: NaiveDate, today: NaiveDate, minutes: u16) -> LocalMoment {
    LocalMoment {
        days_ahead: (date - today).num_days().max(0) as u32,
        weekday: date.weekday().num_days_from_monday() as u8,
        time: hhmm(minutes),
    }
}

/// An instant as a [`LocalMoment`] of the zone, relative to `now`'s date there.
pub fn local_moment(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> LocalMoment {
    let local = at.with_timezone(&tz);
    let minutes = local.time().signed_duration_since(chrono::NaiveTime::MIN);
    moment(
        local.date_naive(),
        now.with_timezone(&tz).date_naive(),
        minutes.num_minutes() as u16,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const WARSAW: Tz = chrono_tz::Europe::Warsaw;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Mon–Sat 09:00–21:00, Sunday closed, closed on 2026-12-25.
    fn shop() -> WeeklyHours {
        let day = Span::parse("09:00", "21:00");
        let mut h = WeeklyHours {
            week: [day, day, day, day, day, day, None],
            ..Default::default()
        };
        h.exceptions
            .insert(date("2026-12-25"), (None, "Christmas Day".into()));
        h.exceptions.insert(
            date("2026-12-24"),
            (Span::parse("09:00", "14:00"), "Christmas Eve".into()),
        );
        h
    }

    #[test]
    fn spans_parse_strictly() {
        assert_eq!(
            Span::parse("00:00", "24:00"),
            Some(Span {
                opens: 0,
                closes: 1440
            })
        );
        assert_eq!(Span::parse("10:00", "09:00"), None);
        assert_eq!(Span::parse("24:00", "24:00"), None);
        assert_eq!(Span::parse("9:60", "10:00"), None);
        assert_eq!(Span::parse("x", "10:00"), None);
    }

    #[test]
    fn open_now_in_local_time() {
        let h = shop();
        // Monday 2026-11-23 10:00 UTC = 11:00 in Warsaw (CET, UTC+1).
        assert_eq!(
            h.status(utc("2026-11-23T10:00:00Z"), WARSAW),
            OpenStatus::Open {
                closes: "21:00".into(),
                minutes_left: 600
            }
        );
        // 19:15 UTC = 20:15 local: closes in 45 minutes.
        assert_eq!(
            h.status(utc("2026-11-23T19:15:00Z"), WARSAW),
            OpenStatus::Open {
                closes: "21:00".into(),
                minutes_left: 45
            }
        );
        // 07:30 UTC = 08:30 local: opens today at 09:00.
        assert_eq!(
            h.status(utc("2026-11-23T07:30:00Z"), WARSAW),
            OpenStatus::Closed {
                next: Some(LocalMoment {
                    days_ahead: 0,
                    weekday: 0,
                    time: "09:00".into()
                })
            }
        );
        // Saturday 21:30 local: closed Sunday, opens Monday.
        assert_eq!(
            h.status(utc("2026-11-28T20:30:00Z"), WARSAW),
            OpenStatus::Closed {
                next: Some(LocalMoment {
                    days_ahead: 2,
                    weekday: 0,
                    time: "09:00".into()
                })
            }
        );
        // The same UTC instant is a different local day elsewhere.
        let tokyo = h.status(utc("2026-11-23T10:00:00Z"), chrono_tz::Asia::Tokyo);
        assert!(matches!(tokyo, OpenStatus::Open { .. }), "19:00 in Tokyo");
        assert_eq!(
            h.status(utc("2026-11-23T13:00:00Z"), chrono_tz::Asia::Tokyo),
            OpenStatus::Closed {
                next: Some(LocalMoment {
                    days_ahead: 1,
                    weekday: 1,
                    time: "09:00".into()
                })
            }
        );
    }

    #[test]
    fn holidays_override_the_week() {
        let h = shop();
        // Christmas Eve closes at 14:00; at 13:30 local it closes in 30 min.
        assert_eq!(
            h.status(utc("2026-12-24T12:30:00Z"), WARSAW),
            OpenStatus::Open {
                closes: "14:00".into(),
                minutes_left: 30
            }
        );
        // After 14:00 the next opening skips Christmas Day (a Friday) to Saturday.
        assert_eq!(
            h.status(utc("2026-12-24T15:00:00Z"), WARSAW),
            OpenStatus::Closed {
                next: Some(LocalMoment {
                    days_ahead: 2,
                    weekday: 5,
                    time: "09:00".into()
                })
            }
        );
        assert_eq!(h.note(date("2026-12-25")), Some("Christmas Day"));
        assert_eq!(h.day_text(date("2026-12-25")), None);
    }

    #[test]
    fn dst_days_have_their_real_length() {
        // A 24-hour store. Spring forward: 2026-03-29 in Warsaw has 23 hours.
        let all_day = Span::parse("00:00", "24:00");
        let h = WeeklyHours {
            week: [all_day; 7],
            ..Default::default()
        };
        let (opens, closes) = h.interval(date("2026-03-29"), WARSAW).unwrap();
        assert_eq!((closes - opens).num_hours(), 23);
        let (opens, closes) = h.interval(date("2026-10-25"), WARSAW).unwrap();
        assert_eq!((closes - opens).num_hours(), 25);
        // Before the change a 09:00 opening is 08:00 UTC; after it, 07:00 UTC.
        let (opens, _) = shop().interval(date("2026-03-28"), WARSAW).unwrap();
        assert_eq!(opens, utc("2026-03-28T08:00:00Z"));
        let (opens, closes) = shop().interval(date("2026-03-30"), WARSAW).unwrap();
        assert_eq!(opens, utc("2026-03-30T07:00:00Z"));
        assert_eq!(closes, utc("2026-03-30T19:00:00Z"));
        // "Closes in" right across the change: 23:00 UTC on the 28th is
        // midnight local; 24h store closes at local midnight of the 29th,
        // which is 22:00 UTC on the 29th: 23 hours later.
        assert_eq!(
            h.status(utc("2026-03-28T23:00:00Z"), WARSAW),
            OpenStatus::Open {
                closes: "24:00".into(),
                minutes_left: 23 * 60
            }
        );
        // A time inside the gap (02:30 does not exist that night) becomes 03:00.
        assert_eq!(
            local_instant(WARSAW, date("2026-03-29"), 150),
            utc("2026-03-29T01:00:00Z")
        );
    }

    #[test]
    fn slots_sit_inside_opening_hours() {
        let h = shop();
        // Monday 12:20 local; ready in 2 hours = 14:20: first slot 15:00.
        let now = utc("2026-11-23T11:20:00Z");
        let slots = h.slots(WARSAW, now + Duration::hours(2));
        assert_eq!(slots[0], utc("2026-11-23T14:00:00Z"));
        // The last slot of the day ends at closing: 20:00–21:00 local.
        let monday: Vec<_> = slots
            .iter()
            .filter(|s| s.with_timezone(&WARSAW).date_naive() == date("2026-11-23"))
            .collect();
        assert_eq!(monday.len(), 6);
        assert_eq!(*monday[5], utc("2026-11-23T19:00:00Z"));
        // No slot on Sunday, 12 on a full day.
        assert!(slots
            .iter()
            .all(|s| s.with_timezone(&WARSAW).weekday() != chrono::Weekday::Sun));
        let tuesday = slots
            .iter()
            .filter(|s| s.with_timezone(&WARSAW).date_naive() == date("2026-11-24"))
            .count();
        assert_eq!(tuesday, 12);
        // From the warehouse: two days later, and the promise reads as such.
        let later = h.slots(WARSAW, now + Duration::days(2));
        assert_eq!(later[0], utc("2026-11-25T12:00:00Z"));
        assert_eq!(
            local_moment(later[0], now, WARSAW),
            LocalMoment {
                days_ahead: 2,
                weekday: 2,
                time: "13:00".into()
            }
        );
        // Christmas Eve: 5 slots (09–14); Christmas Day none.
        let xmas = h.slots(WARSAW, utc("2026-12-23T23:00:00Z"));
        let eve = xmas
            .iter()
            .filter(|s| s.with_timezone(&WARSAW).date_naive() == date("2026-12-24"))
            .count();
        assert_eq!(eve, 5);
        assert!(!xmas
            .iter()
            .any(|s| s.with_timezone(&WARSAW).date_naive() == date("2026-12-25")));
    }
}
