"""ワンタイムパスワード: the choice, the registration by mail, and the code at every login."""
