"""One tool class per interaction: select/move, draw, place, measure, pick (they draw on canvas/, never the reverse)."""
