"""Text features for a mixed Norwegian bokmål / English corpus, in these modules:

- `text_tokens`: a text's word tokens, its language, and how it writes its words;
- `text_analysis`: `Analyzer` turns a text into word features (stems, glossary concepts) and
  the surface tokens used for character n-grams;
- `analysis_memo`: what an analysis is (`Positions`) and the per-process memo of them;
- `tfidf`: character n-grams and the sparse count / idf / tf-idf steps;
- `text_vectorizer`: `TextVectorizer`, one L2-normalised TF-IDF row per text (word 1–2-grams
  and character n-grams), weighted so that the dot product of two rows is
  `(1 - char_weight) * word_cosine + char_weight * char_cosine`.

This module keeps the names the rest of the engine and its tests import from `matching.text`.
"""

from .analysis_memo import Feature
from .text_analysis import Analyzer
from .text_vectorizer import TextVectorizer
from .tfidf import char_ngrams

__all__ = ["Analyzer", "Feature", "TextVectorizer", "char_ngrams"]
