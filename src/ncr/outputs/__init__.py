"""Where results go: the terminal, and files written safely."""
