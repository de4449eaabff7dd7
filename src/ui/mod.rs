//! ratatui widgets that draw the state. (Skeleton.)
