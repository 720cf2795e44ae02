"""``postmortem ui``: serve the Gradio editor (gradio is imported only when the command runs)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``ui`` command."""

    @app.command("ui")
    def ui(
        host: str = typer.Option("127.0.0.1", help="address to bind; keep 127.0.0.1 unless you add auth"),
        port: int = typer.Option(7860, help="port to serve on"),
        example: bool = typer.Option(
            False, "--example", help="preload the bundled example incident and library"
        ),
    ) -> None:
        """Serve the postmortem editor: paste, draft, edit, check tone, export and publish."""
        from assistant.ui.app import launch

        typer.echo(f"Postmortem Assistant UI on http://{host}:{port} (Ctrl+C to stop)", err=True)
        launch(host=host, port=port, example=example)
