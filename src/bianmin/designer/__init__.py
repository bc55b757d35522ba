"""The PyQt6 desktop designer and the printable drawing sheets."""
