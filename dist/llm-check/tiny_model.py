"""Builds a tiny random-weight Llama and a byte-level BPE tokenizer trained here, offline, and installs
them in a Hugging Face hub cache under a repo id, so that ``transformers serve`` lists and serves it
and TRL loads it by that id.

    python tiny_model.py --cache HF_HUB_CACHE --repo-id kaizen-check/tiny-llama --trainers DIR

The model learns nothing (its weights are random): it exists to check the loop, not the learning.
"""

import argparse
import random
import sys
import tempfile
from pathlib import Path

WORDS = ("Task: Thought: Action: Observation: search click Buy Now Next Prev Back to Search product "
         "price size colour color options results page shoes shirt bag lamp chair table cheap small large "
         "red blue green black white buy find the a for with under dollars and or of in on to is it "
         "Encouraged Discouraged Experiences similar situations valid actions Candidate Best Ranking "
         "system user assistant 0 1 2 3 4 5 6 7 8 9 [ ] < > : , . ! ? ( ) - $").split()


def corpus(lines=3000, seed=7):
    rng = random.Random(seed)
    for _ in range(lines):
        words = [rng.choice(WORDS) for _ in range(rng.randint(4, 16))]
        yield " ".join(words)
        yield f"Action: {rng.choice(('search', 'click'))}[{' '.join(rng.choice(WORDS) for _ in range(2))}]"


def tokenizer(chat_template):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator(corpus(), trainers.BpeTrainer(vocab_size=1024, special_tokens=specials,
                                                          initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    fast = PreTrainedTokenizerFast(tokenizer_object=bpe, bos_token=None, eos_token="<|im_end|>",
                                   pad_token="<|endoftext|>", unk_token=None)
    fast.chat_template = chat_template
    return fast


def model(vocabulary, eos, pad, seed=7):
    import torch
    from transformers import GenerationConfig, LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=vocabulary, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=32768,
                         tie_word_embeddings=True, eos_token_id=eos, pad_token_id=pad, bos_token_id=None)
    built = LlamaForCausalLM(config)
    built.generation_config = GenerationConfig(eos_token_id=eos, pad_token_id=pad, do_sample=True,
                                               max_new_tokens=32)
    return built


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", required=True, help="the hub cache (HF_HUB_CACHE) to install it in")
    parser.add_argument("--repo-id", default="kaizen-check/tiny-llama")
    parser.add_argument("--trainers", required=True, help="the installation's trainers/ folder (kaizen_serve.py)")
    args = parser.parse_args(argv)
    sys.path.insert(0, args.trainers)
    import kaizen_serve
    from trl.chat_template_utils import qwen2_5_chat_template

    tokens = tokenizer(qwen2_5_chat_template)
    built = model(len(tokens), tokens.convert_tokens_to_ids("<|im_end|>"),
                  tokens.convert_tokens_to_ids("<|endoftext|>"))
    with tempfile.TemporaryDirectory() as scratch:
        built.save_pretrained(scratch)
        tokens.save_pretrained(scratch)
        snapshot = kaizen_serve.install_in_cache(scratch, args.repo_id, args.cache)
    parameters = sum(p.numel() for p in built.parameters())
    print(f"tiny model {args.repo_id}: {parameters} parameters, vocabulary {len(tokens)}, in {snapshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
