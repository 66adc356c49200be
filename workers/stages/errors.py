"""The one exception a stage raises for bad input; agents turn it into a rejected record."""


class StageError(Exception):
    """Input a stage cannot turn into output. `code` is stable and machine-readable."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
