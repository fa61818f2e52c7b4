"""P102 and P103: how many images and videos a platform takes, and which files it accepts."""
