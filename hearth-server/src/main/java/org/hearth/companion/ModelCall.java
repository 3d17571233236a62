package org.hearth.companion;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One request to the model, answered with the whole reply text. Nothing is released to the member
 * from here: the generator screens the reply whole first.
 */
@FunctionalInterface
interface ModelCall {

    /**
     * Starts the request. Cancelling the returned future stops a streamed answer.
     *
     * @param maxCharacters a streamed answer is cut off once it is this long, since it will be
     *     rejected anyway; the text returned is then longer than the limit
     */
    CompletableFuture<String> ask(List<ChatMessage> messages, int maxCharacters);

    /** A blocking model, asked on {@code executor}. */
    static ModelCall blocking(ChatModel model, ExecutorService executor) {
        return (messages, maxCharacters) -> CompletableFuture.supplyAsync(
                () -> {
                    ChatResponse response =
                            model.chat(ChatRequest.builder().messages(messages).build());
                    String text = response.aiMessage() == null
                            ? null
                            : response.aiMessage().text();
                    return text == null ? "" : text;
                },
                executor);
    }

    /** A streaming model: tokens are gathered until the answer completes. */
    static ModelCall streaming(StreamingChatModel model) {
        return (messages, maxCharacters) -> {
            var result = new CompletableFuture<String>();
            var handle = new AtomicReference<StreamingHandle>();
            var buffer = new StringBuilder();
            // Once the answer is settled (complete, cut off, timed out or cancelled) the stream is
            // stopped: now if its handle is known, else at the next token that brings the handle.
            result.whenComplete((text, failure) -> stop(handle.get()));
            var handler = new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    append(partial);
                }

                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.compareAndSet(null, context.streamingHandle());
                    append(partial.text());
                }

                private void append(String partial) {
                    synchronized (buffer) {
                        if (result.isDone()) {
                            stop(handle.get());
                            return;
                        }
                        buffer.append(partial);
                        if (buffer.length() > maxCharacters) {
                            result.complete(buffer.toString());
                        }
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    synchronized (buffer) {
                        // Prefer the streamed text; some servers repeat it whole at the end.
                        String text = buffer.isEmpty() && response.aiMessage() != null
                                ? response.aiMessage().text()
                                : buffer.toString();
                        result.complete(text == null ? "" : text);
                    }
                }

                @Override
                public void onError(Throwable error) {
                    result.completeExceptionally(error);
                }
            };
            try {
                model.chat(ChatRequest.builder().messages(messages).build(), handler);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            return result;
        };
    }

    private static void stop(@Nullable StreamingHandle handle) {
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
    }
}
