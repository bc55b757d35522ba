"""One tool class per interaction: select/move, draw, place, measure, pick."""
