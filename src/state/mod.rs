//! Application state and the one `update` that changes it. (Skeleton.)
