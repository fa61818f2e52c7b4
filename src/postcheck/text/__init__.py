"""Reading post text: hashtags, links, contact details, platform lengths; and writing plain English about it."""


def counted(number: int, noun: str) -> str:
    """A count with its noun agreeing: '1 video', '2 videos'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
