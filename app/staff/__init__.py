"""Staff tools: pitch moderation."""
