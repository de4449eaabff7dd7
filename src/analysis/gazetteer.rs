//! The place-name data both the segmenter (as words, so 云州区 and 大同 stay whole) and
//! the names finder (as a lookup) need, in one module of its own so neither has to
//! import the other.
//!
//! * [`PLACES`]: China's administrative divisions (provinces, prefectures, counties,
//!   townships) from the National Bureau of Statistics codes, in jieba's dictionary
//!   format; `scripts/build_places.py` rebuilds it and names its source.
//! * [`WORLD`]: countries, regions and large foreign cities, hand-made.

/// China's administrative divisions (`word freq ns` lines).
pub const PLACES: &str = include_str!("../../assets/places.txt");
/// Countries and large foreign cities, same format.
pub const WORLD: &str = include_str!("../../assets/places-world.txt");
