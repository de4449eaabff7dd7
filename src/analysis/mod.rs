//! Search and jieba keywords over the document text, as byte ranges. (Skeleton.)
