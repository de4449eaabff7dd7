//! Terminal setup and restoration (raw mode, alternate screen). (Skeleton.)
